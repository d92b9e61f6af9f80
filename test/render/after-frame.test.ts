// Frames as the pick's timing sees them (render/after-frame.ts): "after the next frame" from inside
// a frame's callbacks is after that frame, and a pick's hold ends at the start of a frame, inside
// it, or after a fallback when no frame comes (a hidden tab).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextFrame, atNextFrameStart, duringFrame } from '../../src/render/after-frame.ts';

/** requestAnimationFrame replaced by a queue the test runs by hand */
function manualFrames(): { run: (at: number) => void; asked: () => number } {
  let queue: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    queue.push(cb);
    return queue.length;
  });
  return {
    run: (at) => {
      const now = queue;
      queue = [];
      for (const cb of now) cb(at);
    },
    asked: () => queue.length,
  };
}

/** resolves after the messages already posted have been handled */
const messagesHandled = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('after the next frame', () => {
  it('waits for a frame when asked outside one', async () => {
    const frames = manualFrames();
    const seen: number[] = [];
    afterNextFrame((_at, start) => seen.push(start));
    expect(frames.asked()).toBe(1);
    await messagesHandled();
    expect(seen).toEqual([]);
    frames.run(40);
    await messagesHandled();
    expect(seen).toEqual([40]);
  });

  it('is after the current frame when asked from inside one, without asking for another', async () => {
    const frames = manualFrames();
    const seen: number[] = [];
    duringFrame(25, () => afterNextFrame((_at, start) => seen.push(start)));
    expect(frames.asked()).toBe(0);
    await messagesHandled();
    expect(seen).toEqual([25]);
    // outside the frame again: a later ask waits for a frame of its own
    afterNextFrame((_at, start) => seen.push(start));
    expect(frames.asked()).toBe(1);
  });
});

describe('the start of the next frame', () => {
  it('runs inside the frame of the source that takes it, once', async () => {
    const frames = manualFrames();
    let run: ((frameStart: number) => void) | null = null;
    const seen: string[] = [];
    atNextFrameStart(
      () => {
        seen.push('begin');
        afterNextFrame((_at, start) => seen.push(`after frame ${String(start)}`));
      },
      (r) => {
        run = r;
        return true;
      },
    );
    expect(frames.asked()).toBe(0);
    expect(seen).toEqual([]);
    run!(16);
    run!(33);
    expect(seen).toEqual(['begin']);
    await messagesHandled();
    expect(seen).toEqual(['begin', 'after frame 16']);
  });

  it('asks the page for a frame when no source takes it', () => {
    const frames = manualFrames();
    const seen: number[] = [];
    atNextFrameStart(() => seen.push(1));
    expect(frames.asked()).toBe(1);
    frames.run(50);
    expect(seen).toEqual([1]);
  });

  it('runs anyway when no frame comes, and not again when one comes late', () => {
    vi.useFakeTimers();
    const frames = manualFrames();
    const seen: number[] = [];
    atNextFrameStart(() => seen.push(1), undefined, 100);
    vi.advanceTimersByTime(99);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([1]);
    frames.run(500);
    expect(seen).toEqual([1]);
  });
});
