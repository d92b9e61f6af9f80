// The transparency report in jsdom: what it suggests with evidence, deletion with a preview, filters, import errors.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaptureEvent, OfferedOption } from '../../src/core/events.ts';
import type { StoryMeta } from '../../src/core/model.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import type { DeletionTarget } from '../../src/profile/retention.ts';
import { createReport } from '../../src/ui/report.ts';
import type { ReportActions, ReportModel } from '../../src/ui/report.ts';
import { choiceEvent } from '../builders.ts';

const profile = { id: 'p1', name: 'Ada', createdAt: '2024-01-01T00:00:00.000Z' };
const story: StoryMeta = {
  id: 'heist',
  title: 'The Heist',
  author: 'x',
  dimensions: [{ id: 'risk', positive: 'Thrill-seeking', negative: 'Caution' }],
  timerSeconds: 10,
  posters: [
    { path: 'assets/p.png', when: null },
    { path: 'assets/risk.png', when: { dimension: 'risk', pole: '+' } },
  ],
  theme: null,
  version: 'h',
};
const other: StoryMeta = { ...story, id: 'tide', title: 'Low Tide', posters: [] };

const bold: OfferedOption = { text: 'Jump the gap', taste: { risk: 1 } };
const safe: OfferedOption = { text: 'Take the stairs', taste: { risk: -1 } };

function choice(id: string, sessionId: string, storyId: string, minute: number): CaptureEvent {
  return choiceEvent({
    id,
    profileId: 'p1',
    sessionId,
    storyId,
    storyVersion: 'h',
    at: `2024-01-02T10:${String(minute).padStart(2, '0')}:00.000Z`,
    decisionId: `d${id}`,
    knot: 'roof',
    options: [bold, safe],
    decisionMs: 2000,
  });
}

const events: CaptureEvent[] = [
  ...Array.from({ length: 6 }, (_, i) => choice(`c${i}`, 's1', 'heist', i)),
  choice('t1', 's2', 'tide', 20),
  {
    v: 1,
    id: 'del1',
    profileId: 'p1',
    sessionId: '',
    storyId: '',
    storyVersion: '',
    at: '2024-01-02T11:00:00.000Z',
    type: 'data.deleted',
    scope: 'event',
    count: 3,
  },
];

function model(over: Partial<ReportModel> = {}): ReportModel {
  return {
    profile,
    events,
    quarantined: [],
    settings: DEFAULT_SETTINGS,
    stories: [story, other],
    storageNotice: null,
    ...over,
  };
}

function actions(over: Partial<ReportActions> = {}): ReportActions {
  return {
    deleteData: vi.fn(() => Promise.resolve(1)),
    importProfile: vi.fn(() => Promise.resolve(profile)),
    switchProfile: vi.fn(() => Promise.resolve(undefined)),
    ...over,
  };
}

function mount(m = model(), a = actions()) {
  const report = createReport(m, a);
  document.body.append(report.root);
  return { report, root: report.root, actions: a };
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('the report’s summary', () => {
  it('names the profile, counts events and choices, the records kept aside, the storage notice and past deletions', () => {
    const { root } = mount(
      model({
        quarantined: [
          { key: 'a', reason: 'bad', raw: 1 },
          { key: 'b', reason: 'bad', raw: 2 },
        ],
        storageNotice: 'Storage is full: nothing is being kept.',
      }),
    );
    const text = root.querySelector('.report-summary')?.textContent ?? '';
    expect(text).toContain('Ada');
    expect(text).toContain('8 events');
    expect(text).toContain('7 choices');
    expect(text).toContain('2 stored records could not be read and were kept aside');
    expect(text).toContain('nothing is being kept');
    expect(text).toContain('You deleted 3 items in 1 deletion');
  });
});

describe('what the choices suggest', () => {
  it('opens with plain sentences, each a link away from its lean’s evidence', () => {
    const { root } = mount();
    const glance = root.querySelector('.report-glance')!;
    const lean = glance.querySelector('li[data-dimension="risk"]')!;
    expect(lean.textContent).toMatch(
      /^You (might )?lean toward Thrill-seeking — .*, from 7 decisions( \(\d+ distinct\))?\./,
    );
    const why = lean.querySelector<HTMLAnchorElement>('a.glance-why')!;
    expect(why.getAttribute('data-target')).toBe('lean-risk');
    const card = root.querySelector<HTMLElement>('[id="lean-risk"]')!;
    const evidence = card.querySelector<HTMLDetailsElement>('details.evidence-details')!;
    expect(evidence.open).toBe(false);
    why.click();
    expect(evidence.open).toBe(true);
    expect(document.activeElement).toBe(card);
    expect(evidence.querySelectorAll('a.evidence-link').length).toBeGreaterThan(0);
    expect(glance.querySelector('.speed-sentence')?.textContent).toMatch(
      /^You usually decide in about 2\.0 seconds/,
    );
  });

  it('says nothing about a lean, with no percentage, before any choice bears on it', () => {
    const { root } = mount(model({ events: [] }));
    expect(root.querySelector('.report-glance')?.textContent).toContain(
      'Nothing to say about your tastes yet',
    );
    expect(root.querySelector('.dimension-silent')?.textContent).toContain(
      'Thrill-seeking or Caution',
    );
    const suggests = root.querySelector('.report-suggests')!.cloneNode(true) as HTMLElement;
    suggests.querySelector('details.how-calculated')?.remove();
    expect(suggests.textContent).not.toMatch(/\d%/);
  });

  it('says "no clear lean" once for several dimensions, a link away from their folded cards', () => {
    const two: StoryMeta = {
      ...story,
      dimensions: [
        { id: 'risk', positive: 'Thrill-seeking', negative: 'Caution' },
        { id: 'empathy', positive: 'Warmth', negative: 'Detachment' },
      ],
    };
    const even = (id: string, i: number): CaptureEvent =>
      choiceEvent({
        id,
        profileId: 'p1',
        sessionId: 's1',
        storyId: 'heist',
        storyVersion: 'h',
        at: `2024-01-02T10:0${i}:00.000Z`,
        decisionId: `d${id}`,
        knot: 'roof',
        options: [
          { text: 'A', taste: { risk: 1, empathy: 1 } },
          { text: 'B', taste: { risk: -1, empathy: -1 } },
        ],
        chosenIndex: i % 2,
        decisionMs: 2000,
      });
    const { root } = mount(model({ stories: [two], events: [even('e0', 0), even('e1', 1)] }));
    const line = root.querySelector<HTMLElement>('.report-glance li.glance-no-lean')!;
    expect(line.textContent).toMatch(
      /^No clear lean yet on Thrill-seeking or Caution \(2 decisions\); Warmth or Detachment \(2 decisions\)\./,
    );
    expect(line.textContent).not.toMatch(/%/);
    const fold = root.querySelector<HTMLDetailsElement>('details.no-lean')!;
    expect(fold.open).toBe(false);
    line.querySelector<HTMLAnchorElement>('a.glance-why')!.click();
    expect(fold.open).toBe(true);
    expect(fold.querySelectorAll('article.dimension')).toHaveLength(2);
  });

  it('draws each lean as an SVG image with a text alternative, its words matching its percentage', () => {
    const { root } = mount();
    const card = root.querySelector('[data-dimension="risk"].dimension')!;
    expect(card.querySelector('h3')?.textContent).toBe('Thrill-seeking or Caution');
    const chart = card.querySelector('svg[role="img"]')!;
    expect(chart.getAttribute('aria-label')).toMatch(/Best guess: .*90% likely somewhere from/);
    expect(chart.querySelector('rect.chart-band')).not.toBeNull();
    const words = card.querySelector('.dimension-words')?.textContent ?? '';
    const level = card.getAttribute('data-level');
    const figures = card.querySelector('.dimension-figures')?.textContent ?? null;
    if (level === 'none') expect(figures).toBeNull();
    else {
      expect(words).toMatch(/toward Thrill-seeking/);
      const shown = Number(
        /(\d+)% chance of a real lean toward Thrill-seeking/.exec(figures ?? '')?.[1],
      );
      if (level === 'hint') expect(shown).toBeLessThan(95);
      else expect(shown).toBeGreaterThanOrEqual(95);
    }
  });

  it('keeps the maths, δ and files folded under “How this is calculated”, out of the main text', () => {
    const { root } = mount();
    const calc = root.querySelector<HTMLDetailsElement>('details.how-calculated')!;
    expect(calc.open).toBe(false);
    expect(calc.textContent).toContain('δ');
    expect(calc.textContent).toMatch(/assets\/(p|risk)\.png/);
    expect(calc.textContent).toContain('Home-screen order and posters');
    const main = root.cloneNode(true) as HTMLElement;
    main.querySelectorAll('details').forEach((d) => d.remove());
    const text = main.textContent ?? '';
    for (const jargon of [
      /Fit \d/i,
      /2q − 1/,
      /\|estimate\|/,
      /assets\//,
      /\.png/,
      /Estimate/,
      /δ/,
    ])
      expect(text).not.toMatch(jargon);
  });

  it('links each piece of evidence to its row in the recorded list, and following a link focuses that row even when a filter hid it', () => {
    const { root } = mount();
    const links = [...root.querySelectorAll<HTMLAnchorElement>('a.evidence-link')];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const id = link.getAttribute('data-event-id')!;
      expect(link.getAttribute('href')).toBe(`#event-${id}`);
      expect(root.querySelector(`[id="event-${id}"]`)?.getAttribute('data-type')).toBe(
        'choice.made',
      );
    }
    const story = root.querySelector<HTMLSelectElement>('select[name="story"]')!;
    story.value = 'tide';
    story.dispatchEvent(new Event('change'));
    const link = root.querySelector<HTMLAnchorElement>('a.evidence-link[data-event-id^="c"]')!;
    const id = link.getAttribute('data-event-id')!;
    expect(root.querySelector(`[id="event-${id}"]`)).toBeNull();
    link.click();
    const row = root.querySelector<HTMLElement>(`[id="event-${id}"]`)!;
    expect(document.activeElement).toBe(row);
    expect(row.classList.contains('targeted')).toBe(true);
  });

  it('says which poster each story shows and why, and how stories are ordered', () => {
    const { root } = mount();
    const usage = root.querySelector('.report-usage')!;
    const heist = usage.querySelector('.usage-stories [data-story-id="heist"]')!;
    const said = heist.textContent ?? '';
    expect(said).not.toContain('assets/');
    expect(said).toMatch(/Place [12]/);
    // the poster's reason agrees with the claim the report makes about the same lean
    const level = root
      .querySelector('.dimension[data-dimension="risk"]')
      ?.getAttribute('data-level');
    if (said.includes('Its Thrill-seeking poster')) {
      if (level === 'likely' || level === 'sure')
        expect(said).toContain('Because you lean Thrill-seeking.');
      else expect(said).toContain('though no clear lean toward Thrill-seeking is claimed yet');
    } else expect(said).toContain('Its usual poster');
    expect(usage.querySelector('details.usage-all')?.hasAttribute('open')).toBe(false);
    // six picks of the bolder option, always listed first: a taste or a habit of position? Not a
    // claim a poster may rest on, so the usual poster stays
    expect(said).toContain('Its usual poster');
    expect(root.querySelector('details.how-calculated')?.textContent).toContain(
      'Stories that let you act on more of the leans',
    );
    const off = mount(model({ settings: { ...DEFAULT_SETTINGS, personalisation: false } }));
    expect(off.root.querySelector('.report-usage')?.textContent).toContain(
      'Personalisation is off',
    );
  });
});

describe('deleting from the report', () => {
  it('previews what deleting a choice would change in an in-page dialog and deletes only when confirmed', async () => {
    const confirm = vi.spyOn(window, 'confirm');
    const deleteData = vi.fn((_: DeletionTarget) => Promise.resolve(1));
    const { root } = mount(model(), actions({ deleteData }));
    const row = root.querySelector('[id="event-c0"]')!;
    row.querySelector<HTMLButtonElement>('button.delete-event')!.click();
    const dialog = root.querySelector('dialog')!;
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.querySelector('h2')?.textContent).toBe('Delete this event?');
    const change = dialog.querySelector('.preview-changes [data-dimension="risk"]');
    expect(change?.textContent).toMatch(/Thrill-seeking \/ Caution: .*1 choice fewer/);
    dialog.querySelector<HTMLButtonElement>('button.cancel')!.click();
    expect(deleteData).not.toHaveBeenCalled();
    expect(dialog.hasAttribute('open')).toBe(false);

    row.querySelector<HTMLButtonElement>('button.delete-event')!.click();
    dialog.querySelector<HTMLButtonElement>('button.confirm')!.click();
    expect(deleteData).toHaveBeenCalledWith({ scope: 'event', eventId: 'c0' });
    await vi.waitFor(() => expect(dialog.hasAttribute('open')).toBe(false));
    expect(confirm).not.toHaveBeenCalled();
  });

  it('refits at once when the data changes: deleting the bold choices moves the lean back', () => {
    const { root, report } = mount();
    const before = root.querySelector('[data-dimension="risk"] .dimension-words')?.textContent;
    expect(before).toMatch(/Thrill-seeking/);
    report.update(model({ events: events.filter((e) => e.type !== 'choice.made') }));
    expect(root.querySelector('[data-dimension="risk"]')).toBeNull();
    expect(root.querySelector('.dimension-silent')?.textContent).toContain('Thrill-seeking');
  });

  it('filters by story and by session, and offers to delete the story’s data or the session', () => {
    const deleteData = vi.fn((_: DeletionTarget) => Promise.resolve(1));
    const { root } = mount(model(), actions({ deleteData }));
    const story = root.querySelector<HTMLSelectElement>('select[name="story"]')!;
    story.value = 'heist';
    story.dispatchEvent(new Event('change'));
    expect(root.querySelectorAll('.event-list li')).toHaveLength(6);
    root.querySelector<HTMLButtonElement>('button.delete-story')!.click();
    root.querySelector<HTMLButtonElement>('dialog button.confirm')!.click();
    expect(deleteData).toHaveBeenLastCalledWith({ scope: 'story', storyId: 'heist' });

    const session = root.querySelector<HTMLSelectElement>('select[name="session"]')!;
    session.value = 's1';
    session.dispatchEvent(new Event('change'));
    expect(root.querySelectorAll('.event-list li')).toHaveLength(6);
    expect(root.querySelector('button.delete-session')?.textContent).toContain('6 events');
  });

  it('asks before deleting everything, in the page', () => {
    const deleteData = vi.fn((_: DeletionTarget) => Promise.resolve(8));
    const { root } = mount(model(), actions({ deleteData }));
    root.querySelector<HTMLButtonElement>('button.delete-all')!.click();
    const dialog = root.querySelector('dialog')!;
    expect(dialog.textContent).toContain('8 recorded events');
    dialog.querySelector<HTMLButtonElement>('button.confirm')!.click();
    expect(deleteData).toHaveBeenCalledWith({ scope: 'all' });
  });
});

describe('a long record list', () => {
  const at = (second: number): string =>
    new Date(Date.UTC(2024, 0, 3) + second * 1000).toISOString();
  // old choices that inform the lean, then newer ones without tastes: the evidence is old
  const long: CaptureEvent[] = [
    ...Array.from({ length: 300 }, (_, i) => ({ ...choice(`h${i}`, 'sh', 'heist', 0), at: at(i) })),
    ...Array.from({ length: 250 }, (_, i) => ({
      ...choice(`t${i}`, 'st', 'tide', 0),
      at: at(1000 + i),
      options: [
        { text: 'Left', taste: {} },
        { text: 'Right', taste: {} },
      ],
    })),
  ];
  const rows = (root: HTMLElement): string[] =>
    [...root.querySelectorAll('.event-list li')].map((li) => li.getAttribute('data-event-id')!);

  it('lists the newest page first, then more, then all', () => {
    const { root } = mount(model({ events: long }), actions());
    const list = root.querySelector<HTMLDetailsElement>('details.records-details')!;
    expect(list.open).toBe(false);
    expect(list.querySelector('summary')?.textContent).toContain('550 recorded events');
    expect(rows(root)).toHaveLength(50);
    expect(rows(root)[0]).toBe('t249');
    expect(root.querySelector('.record-bulk')?.textContent).toContain('newest 50 of 550');
    list.open = true;
    list.dispatchEvent(new Event('toggle'));
    root.querySelector<HTMLButtonElement>('button.show-more')!.click();
    expect(rows(root)).toHaveLength(100);
    expect(document.activeElement?.getAttribute('data-event-id')).toBe(rows(root)[50]);
    // a re-render keeps the list open as the player left it
    expect(root.querySelector<HTMLDetailsElement>('details.records-details')?.open).toBe(true);
    root.querySelector<HTMLButtonElement>('button.show-all')!.click();
    expect(rows(root)).toHaveLength(550);
    expect(root.querySelector('button.show-more')).toBeNull();
  });

  it('filters every event, not only the rows listed', () => {
    const { root } = mount(model({ events: long }), actions());
    const story = root.querySelector<HTMLSelectElement>('select[name="story"]')!;
    story.value = 'heist';
    story.dispatchEvent(new Event('change'));
    expect(rows(root)).toHaveLength(50);
    expect(rows(root)[0]).toBe('h299');
    expect(root.querySelector('.record-bulk')?.textContent).toContain('newest 50 of 300');
  });

  it('lists and focuses an evidence event older than the rows shown', () => {
    const { root } = mount(model({ events: long }), actions());
    const link = root.querySelector<HTMLAnchorElement>('a.evidence-link')!;
    const id = link.getAttribute('data-event-id')!;
    expect(rows(root)).not.toContain(id);
    link.click();
    expect(rows(root)).toContain(id);
    expect(document.activeElement?.getAttribute('data-event-id')).toBe(id);
    expect(root.querySelector<HTMLDetailsElement>('details.records-details')?.open).toBe(true);
  });
});

describe('import from the report', () => {
  it('shows what is wrong with a malformed file and imports nothing', async () => {
    const importProfile = vi.fn(() => Promise.resolve(profile));
    const { root } = mount(model(), actions({ importProfile }));
    const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File(['{ not json'], 'profile.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(root.querySelector('.import-error')).not.toBeNull());
    expect(root.querySelector('.import-error')?.textContent).toMatch(/^Nothing was imported\./);
    expect(importProfile).not.toHaveBeenCalled();
  });
});

describe('the side by side', () => {
  it('sets a streaming service’s data download against what inkreel stores, row by row', () => {
    const { root } = mount();
    const rows = [...root.querySelectorAll('.compare-table tbody th')].map((th) => th.textContent);
    expect(rows).toEqual(
      expect.arrayContaining(['Your devices', 'Where you are', 'Interactive choices']),
    );
    expect(root.querySelector('.compare-table')?.textContent).toContain('InteractiveTitles.csv');
  });
});
