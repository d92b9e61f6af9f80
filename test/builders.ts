// Shared test builders: a play view, a decision view, a shown line and a captured choice, each
// complete and valid, with only what a test cares about passed in.
import type { EventOf } from '../src/core/events.ts';
import type { DecisionView, PlayView, ShownLine } from '../src/core/view.ts';

export function decisionView(over: Partial<DecisionView> = {}): DecisionView {
  return {
    id: 'desk.0',
    turn: 1,
    options: [
      { index: 0, text: 'Answer it', isDefault: false },
      { index: 1, text: 'Let it ring', isDefault: true },
    ],
    phase: 'selecting',
    windowMs: 10_000,
    remainingMs: 10_000,
    runningSince: 0,
    paused: false,
    chosen: null,
    ...over,
  };
}

export function shownLine(id: number, text: string, over: Partial<ShownLine> = {}): ShownLine {
  return { id, text, speaker: null, className: null, image: null, ...over };
}

/** A view of play waiting on its first decision, with no text, scene or sound. */
export function playView(over: Partial<PlayView> = {}): PlayView {
  return {
    state: 'choosing',
    storyId: 's',
    title: 'S',
    lines: [],
    transcript: over.lines ?? [],
    endingNext: false,
    upcomingOptions: 0,
    readThrough: 0,
    backdrop: null,
    speaker: null,
    audioLoop: null,
    decision: decisionView(),
    history: [],
    ending: null,
    error: null,
    ...over,
  };
}

/** A stored choice.made: picked by pointer in 2.3 s of a 10 s window. */
export function choiceEvent(over: Partial<EventOf<'choice.made'>> = {}): EventOf<'choice.made'> {
  return {
    v: 1,
    id: 'c1',
    profileId: 'p',
    sessionId: 's',
    storyId: 'night-shift',
    storyVersion: 'v1',
    at: '2024-01-02T10:00:00.000Z',
    type: 'choice.made',
    decisionId: 'desk.0',
    knot: 'desk',
    options: [
      { text: 'Answer it', taste: { curiosity: 0.5 } },
      { text: 'Let it ring', taste: { curiosity: -0.5 } },
    ],
    chosenIndex: 0,
    decisionMs: 2300,
    windowMs: 10_000,
    timedOut: false,
    input: 'pointer',
    ...over,
  };
}
