// Hash routes of DESIGN.md §7, so any static host serves the app.
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'story'; readonly storyId: string }
  | { readonly name: 'play'; readonly storyId: string }
  | { readonly name: 'report' }
  | { readonly name: 'settings' }
  | { readonly name: 'map'; readonly storyId: string }
  | { readonly name: 'not-found'; readonly path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '') return { name: 'home' };
  if (path === '/report') return { name: 'report' };
  if (path === '/settings') return { name: 'settings' };
  const story = /^\/story\/([^/?#]+)$/.exec(path);
  if (story?.[1]) return { name: 'story', storyId: decodeURIComponent(story[1]) };
  const play = /^\/play\/([^/?#]+)$/.exec(path);
  if (play?.[1]) return { name: 'play', storyId: decodeURIComponent(play[1]) };
  const map = /^\/map\/([^/?#]+)$/.exec(path);
  if (map?.[1]) return { name: 'map', storyId: decodeURIComponent(map[1]) };
  return { name: 'not-found', path };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'story':
      return `#/story/${encodeURIComponent(route.storyId)}`;
    case 'play':
      return `#/play/${encodeURIComponent(route.storyId)}`;
    case 'report':
      return '#/report';
    case 'settings':
      return '#/settings';
    case 'map':
      return `#/map/${encodeURIComponent(route.storyId)}`;
    case 'not-found':
      return `#${route.path}`;
  }
}
