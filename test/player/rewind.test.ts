// Rewind, restart, autosave and resume, and the recoverable error screen.
import { describe, expect, it } from 'vitest';
import { StoryRuntimeError, StoryStalledError } from '../../src/core/ports.ts';
import { playDriver } from './driver.ts';
import { FakeRuntime, twoDecisions, type FakeScript } from './fake-runtime.ts';

describe('rewind', () => {
  it('returns from an ending to an earlier decision with its text, and records it', async () => {
    const play = await playDriver(twoDecisions);
    await play.pick(0).pick(0);
    expect(play.view().ending).toEqual({ path: 'endA' });
    await play.rewind(2);
    const view = play.view();
    expect(view.state).toBe('choosing');
    expect(view.decision).toMatchObject({
      id: 'kitchen.0',
      turn: 2,
      phase: 'selecting',
      chosen: null,
      windowMs: 5_000,
    });
    expect(view.lines.map((l) => l.text)).toEqual([
      'You wake.',
      'The alarm rings.',
      'The kitchen.',
    ]);
    expect(view.history).toEqual([
      { turn: 1, afterLine: 2, decisionId: 'start.0', chosenText: 'Get up', timedOut: false },
    ]);
    expect(play.events.at(-1)).toEqual({
      type: 'decision.rewound',
      sessionId: 's1',
      storyId: 'fake',
      storyVersion: 'v1',
      toDecisionId: 'kitchen.0',
      toTurn: 2,
      fromTurn: 2,
    });
    await play.pick(1, 'keyboard');
    expect(play.view().ending).toEqual({ path: 'endB' });
  });

  it('goes back to the first decision from the second and truncates the transcript', async () => {
    const play = await playDriver(twoDecisions);
    await play.pick(1);
    await play.rewind(1);
    await play.expectDecision({ turn: 1, id: 'start.0' });
    expect(play.view().lines.map((l) => l.text)).toEqual(['You wake.', 'The alarm rings.']);
    expect(play.view().history).toEqual([]);
    expect(play.events.at(-1)).toMatchObject({ type: 'decision.rewound', toTurn: 1, fromTurn: 2 });
  });

  it('ignores a rewind to a turn that does not exist', async () => {
    const play = await playDriver(twoDecisions);
    for (const turn of [0, 2, -1, 1.5]) await play.send({ type: 'REWIND', turn });
    expect(play.events.filter((e) => e.type === 'decision.rewound')).toHaveLength(0);
    expect(play.runtime.calls).not.toContain('loadState');
  });

  it('gives lines shown after a rewind new ids', async () => {
    const play = await playDriver(twoDecisions);
    await play.pick(0);
    const before = play.view().lines.at(-1)!.id;
    await play.rewind(1);
    await play.pick(1);
    expect(play.view().lines.at(-1)!.id).toBeGreaterThan(before);
  });

  it('restarts from the beginning and records a rewind to turn 0', async () => {
    const play = await playDriver(twoDecisions);
    await play.pick(0).pick(0);
    await play.send({ type: 'RESTART' });
    expect(play.runtime.calls).toContain('reset');
    await play.expectDecision({ turn: 1, id: 'start.0' });
    expect(play.view().history).toEqual([]);
    expect(play.events.find((e) => e.type === 'decision.rewound')).toMatchObject({
      toTurn: 0,
      toDecisionId: null,
      fromTurn: 2,
    });
  });
});

describe('autosave and resume', () => {
  it('saves after each decision is shown, with a snapshot per decision and the transcript', async () => {
    const play = await playDriver(twoDecisions);
    expect(play.saves).toHaveLength(1);
    await play.pick(0);
    expect(play.saves).toHaveLength(2);
    const save = play.saves[1]!;
    expect(save).toMatchObject({ storyId: 'fake', storyVersion: 'v1', sessionId: 's1' });
    expect(save.snapshots).toHaveLength(2);
    expect(save.transcript).toEqual(['You wake.', 'The alarm rings.', 'The kitchen.']);
    expect(save.turns).toEqual([
      { decisionId: 'start.0', transcriptLength: 2, chosenText: 'Get up', timedOut: false },
      { decisionId: 'kitchen.0', transcriptLength: 3, chosenText: null, timedOut: false },
    ]);
  });

  it('resumes at the saved decision with the text and history so far', async () => {
    const first = await playDriver(twoDecisions);
    await first.pick(1);
    const save = first.saves.at(-1)!;
    first.player.stop();

    const play = await playDriver(twoDecisions, { resume: save });
    const view = play.view();
    expect(view.state).toBe('choosing');
    expect(view.decision).toMatchObject({ id: 'kitchen.0', turn: 2, windowMs: 5_000 });
    expect(view.lines.map((l) => l.text)).toEqual([
      'You wake.',
      'The alarm rings.',
      'The kitchen.',
    ]);
    expect(view.history).toEqual([
      { turn: 1, afterLine: 2, decisionId: 'start.0', chosenText: 'Snooze', timedOut: false },
    ]);
    expect(play.runtime.calls).toEqual(['loadState']);
    await play.rewind(1);
    await play.expectDecision({ id: 'start.0', turn: 1 });
  });

  it('plays on when an autosave fails', async () => {
    const play = await playDriver(twoDecisions, { save: () => Promise.reject(new Error('quota')) });
    await play.pick(0).pick(1);
    expect(play.saves).toHaveLength(2);
    expect(play.view().ending).toEqual({ path: 'endB' });
  });

  it('starts afresh when the save belongs to another version of the story', async () => {
    const first = await playDriver(twoDecisions);
    await first.pick(1);
    const play = await playDriver(twoDecisions, {
      resume: first.saves.at(-1)!,
      meta: { version: 'v2' },
    });
    await play.expectDecision({ id: 'start.0', turn: 1 });
    expect(play.runtime.calls).toEqual(['next']);
  });
});

describe('errors', () => {
  const failing: FakeScript = {
    ...twoDecisions,
    kitchen: { fails: new StoryRuntimeError('EXTERNAL function "roll" is not bound') },
  };

  it('shows a recoverable error when the story throws, and goes back to the last decision', async () => {
    const play = await playDriver(failing);
    await play.pick(0);
    await play.expectState('error');
    expect(play.view().error).toEqual({
      message: 'EXTERNAL function "roll" is not bound',
      canGoBack: true,
    });
    expect(play.view().decision).toBeNull();
    await play.send({ type: 'GO_BACK' });
    await play.expectState('choosing');
    await play.expectDecision({ id: 'start.0', turn: 1, chosen: null });
    expect(play.view().error).toBeNull();
    expect(play.events.at(-1)).toMatchObject({
      type: 'decision.rewound',
      toTurn: 1,
      toDecisionId: 'start.0',
    });
  });

  it('reports a stalled story with nothing to go back to when it stalls before any decision', async () => {
    const play = await playDriver({
      start: { fails: new StoryStalledError('The story produced no output for 5 s') },
    });
    await play.expectState('error');
    expect(play.view().error).toEqual({
      message: 'The story produced no output for 5 s',
      canGoBack: false,
    });
    await play.send({ type: 'GO_BACK' });
    await play.expectState('error');
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
    const play = await playDriver(twoDecisions, { runtime });
    expect(play.view().error?.message).toBe(message);
    expect(play.choices()).toHaveLength(0);
  });
});
