// Rewind, restart, autosave and resume, and the recoverable error screen.
import { describe, expect, it } from 'vitest';
import { StoryRuntimeError, StoryStalledError } from '../../src/core/ports.ts';
import { choices, harness } from './harness.ts';
import { FakeRuntime, twoDecisions, type FakeScript } from './fake-runtime.ts';

async function playToEnding(
  h: Awaited<ReturnType<typeof harness>>,
  picks: number[],
): Promise<void> {
  for (const index of picks) {
    h.player.send({ type: 'PICK', index, input: 'pointer' });
    await h.flush();
  }
}

describe('rewind', () => {
  it('returns from an ending to an earlier decision with its text, and records it', async () => {
    const h = await harness(twoDecisions);
    await playToEnding(h, [0, 0]);
    expect(h.view().ending).toEqual({ path: 'endA' });
    h.player.send({ type: 'REWIND', turn: 2 });
    await h.flush();
    const view = h.view();
    expect(view.state).toBe('choosing');
    expect(view.decision).toMatchObject({
      id: 'kitchen.0',
      turn: 2,
      phase: 'shown',
      chosen: null,
      windowMs: 5_000,
    });
    expect(view.lines.map((l) => l.text)).toEqual([
      'You wake.',
      'The alarm rings.',
      'The kitchen.',
    ]);
    expect(view.history).toEqual([
      { turn: 1, decisionId: 'start.0', chosenText: 'Get up', timedOut: false },
    ]);
    expect(h.events.at(-1)).toEqual({
      type: 'decision.rewound',
      sessionId: 's1',
      storyId: 'fake',
      storyVersion: 'v1',
      toDecisionId: 'kitchen.0',
      toTurn: 2,
      fromTurn: 2,
    });
    h.player.send({ type: 'PICK', index: 1, input: 'keyboard' });
    await h.flush();
    expect(h.view().ending).toEqual({ path: 'endB' });
  });

  it('goes back to the first decision from the second and truncates the transcript', async () => {
    const h = await harness(twoDecisions);
    await playToEnding(h, [1]);
    h.player.send({ type: 'REWIND', turn: 1 });
    await h.flush();
    expect(h.view().decision).toMatchObject({ turn: 1, id: 'start.0' });
    expect(h.view().lines.map((l) => l.text)).toEqual(['You wake.', 'The alarm rings.']);
    expect(h.view().history).toEqual([]);
    expect(h.events.at(-1)).toMatchObject({ type: 'decision.rewound', toTurn: 1, fromTurn: 2 });
  });

  it('ignores a rewind to a turn that does not exist', async () => {
    const h = await harness(twoDecisions);
    for (const turn of [0, 2, -1, 1.5]) h.player.send({ type: 'REWIND', turn });
    await h.flush();
    expect(h.events.filter((e) => e.type === 'decision.rewound')).toHaveLength(0);
    expect(h.runtime.calls).not.toContain('loadState');
  });

  it('gives lines shown after a rewind new ids', async () => {
    const h = await harness(twoDecisions);
    await playToEnding(h, [0]);
    const before = h.view().lines.at(-1)!.id;
    h.player.send({ type: 'REWIND', turn: 1 });
    await h.flush();
    await playToEnding(h, [1]);
    expect(h.view().lines.at(-1)!.id).toBeGreaterThan(before);
  });

  it('restarts from the beginning and records a rewind to turn 0', async () => {
    const h = await harness(twoDecisions);
    await playToEnding(h, [0, 0]);
    h.player.send({ type: 'RESTART' });
    await h.flush();
    expect(h.runtime.calls).toContain('reset');
    expect(h.view().decision).toMatchObject({ turn: 1, id: 'start.0' });
    expect(h.view().history).toEqual([]);
    expect(h.events.find((e) => e.type === 'decision.rewound')).toMatchObject({
      toTurn: 0,
      toDecisionId: null,
      fromTurn: 2,
    });
  });
});

describe('autosave and resume', () => {
  it('saves after each decision is shown, with a snapshot per decision and the transcript', async () => {
    const h = await harness(twoDecisions);
    expect(h.saves).toHaveLength(1);
    await playToEnding(h, [0]);
    expect(h.saves).toHaveLength(2);
    const save = h.saves[1]!;
    expect(save).toMatchObject({ storyId: 'fake', storyVersion: 'v1', sessionId: 's1' });
    expect(save.snapshots).toHaveLength(2);
    expect(save.transcript).toEqual(['You wake.', 'The alarm rings.', 'The kitchen.']);
    expect(save.turns).toEqual([
      { decisionId: 'start.0', transcriptLength: 2, chosenText: 'Get up', timedOut: false },
      { decisionId: 'kitchen.0', transcriptLength: 3, chosenText: null, timedOut: false },
    ]);
  });

  it('resumes at the saved decision with the text and history so far', async () => {
    const first = await harness(twoDecisions);
    await playToEnding(first, [1]);
    const save = first.saves.at(-1)!;
    first.player.stop();

    const h = await harness(twoDecisions, { resume: save });
    const view = h.view();
    expect(view.state).toBe('choosing');
    expect(view.decision).toMatchObject({ id: 'kitchen.0', turn: 2, windowMs: 5_000 });
    expect(view.lines.map((l) => l.text)).toEqual([
      'You wake.',
      'The alarm rings.',
      'The kitchen.',
    ]);
    expect(view.history).toEqual([
      { turn: 1, decisionId: 'start.0', chosenText: 'Snooze', timedOut: false },
    ]);
    expect(h.runtime.calls).toEqual(['loadState']);
    h.player.send({ type: 'REWIND', turn: 1 });
    await h.flush();
    expect(h.view().decision).toMatchObject({ id: 'start.0', turn: 1 });
  });

  it('plays on when an autosave fails', async () => {
    const h = await harness(twoDecisions, { save: () => Promise.reject(new Error('quota')) });
    await playToEnding(h, [0, 1]);
    expect(h.saves).toHaveLength(2);
    expect(h.view().ending).toEqual({ path: 'endB' });
  });

  it('starts afresh when the save belongs to another version of the story', async () => {
    const first = await harness(twoDecisions);
    await playToEnding(first, [1]);
    const h = await harness(twoDecisions, { resume: first.saves.at(-1)!, meta: { version: 'v2' } });
    expect(h.view().decision).toMatchObject({ id: 'start.0', turn: 1 });
    expect(h.runtime.calls).toEqual(['next']);
  });
});

describe('errors', () => {
  const failing: FakeScript = {
    ...twoDecisions,
    kitchen: { fails: new StoryRuntimeError('EXTERNAL function "roll" is not bound') },
  };

  it('shows a recoverable error when the story throws, and goes back to the last decision', async () => {
    const h = await harness(failing);
    h.player.send({ type: 'PICK', index: 0, input: 'pointer' });
    await h.flush();
    expect(h.view().state).toBe('error');
    expect(h.view().error).toEqual({
      message: 'EXTERNAL function "roll" is not bound',
      canGoBack: true,
    });
    expect(h.view().decision).toBeNull();
    h.player.send({ type: 'GO_BACK' });
    await h.flush();
    expect(h.view().state).toBe('choosing');
    expect(h.view().decision).toMatchObject({ id: 'start.0', turn: 1, chosen: null });
    expect(h.view().error).toBeNull();
    expect(h.events.at(-1)).toMatchObject({
      type: 'decision.rewound',
      toTurn: 1,
      toDecisionId: 'start.0',
    });
  });

  it('reports a stalled story with nothing to go back to when it stalls before any decision', async () => {
    const h = await harness({
      start: { fails: new StoryStalledError('The story produced no output for 5 s') },
    });
    expect(h.view().state).toBe('error');
    expect(h.view().error).toEqual({
      message: 'The story produced no output for 5 s',
      canGoBack: false,
    });
    h.player.send({ type: 'GO_BACK' });
    await h.flush();
    expect(h.view().state).toBe('error');
  });

  it.each([
    [new Error(''), 'Error'],
    ['ink said no', 'ink said no'],
    [{ odd: true }, 'The story stopped unexpectedly.'],
  ])('turns a rejection with %o into the message %j', async (reason, message) => {
    const runtime = new FakeRuntime(twoDecisions);
    // a runtime may reject with anything: that is what this test is about
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    runtime.next = () => Promise.reject(reason);
    const h = await harness(twoDecisions, { runtime });
    expect(h.view().error?.message).toBe(message);
    expect(choices(h.events)).toHaveLength(0);
  });
});
