// A scripted StoryRuntime for player tests: named nodes of lines, each ending in a decision or an ending.
import type { Directive } from '../../src/core/directives.ts';
import type { Beat, Decision, Line, LookaheadResult, StoryMeta } from '../../src/core/model.ts';
import type { StoryRuntime } from '../../src/core/ports.ts';

export interface FakeOption {
  readonly text: string;
  readonly next: string;
  readonly isDefault?: boolean;
  readonly taste?: Readonly<Record<string, number>>;
}

export interface FakeNode {
  readonly lines?: readonly (string | Line)[];
  readonly decision?: {
    readonly id: string;
    readonly options: readonly FakeOption[];
    readonly timerSeconds?: number | null;
  };
  readonly endPath?: string;
  /** next() rejects with this instead of producing the node */
  readonly fails?: Error;
}

export type FakeScript = Readonly<Record<string, FakeNode>>;

export function line(text: string, ...directives: Directive[]): Line {
  return { text, tags: [], directives };
}

export class FakeRuntime implements StoryRuntime {
  readonly meta: StoryMeta;
  /** every call the player made, in order */
  readonly calls: string[] = [];
  /** when set, next() waits for it before answering (to hold a beat back in a test) */
  gate: Promise<void> | null = null;
  /** absent unless a test gives the fake a lookahead */
  lookahead?: () => LookaheadResult[];
  private node = 'start';
  private waiting: string | null = null;

  constructor(
    private readonly script: FakeScript,
    meta: Partial<StoryMeta> = {},
  ) {
    this.meta = {
      id: 'fake',
      title: 'A Fake Story',
      author: 'Test',
      dimensions: [],
      timerSeconds: undefined,
      posters: [],
      theme: null,
      version: 'v1',
      ...meta,
    };
  }

  get decision(): Decision | null {
    if (this.waiting === null) return null;
    return this.decisionOf(this.waiting);
  }

  private decisionOf(name: string): Decision | null {
    const d = this.script[name]?.decision;
    if (d === undefined) return null;
    const defaultIndex = d.options.findIndex((o) => o.isDefault === true);
    return {
      id: d.id,
      knot: name,
      timerSeconds: d.timerSeconds,
      defaultOption: defaultIndex === -1 ? 0 : defaultIndex,
      options: d.options.map((o, index) => ({
        index,
        text: o.text,
        tags: [],
        directives: [],
        taste: o.taste ?? {},
        isDefault: o.isDefault === true,
      })),
    };
  }

  async next(): Promise<Beat> {
    this.calls.push('next');
    if (this.gate !== null) await this.gate;
    return this.nextSync();
  }

  nextSync(): Beat {
    const node = this.script[this.node];
    if (node === undefined) throw new Error(`no node ${this.node}`);
    if (node.fails !== undefined) throw node.fails;
    const lines = (node.lines ?? []).map((l) => (typeof l === 'string' ? line(l) : l));
    const decision = this.decisionOf(this.node);
    this.waiting = decision === null ? null : this.node;
    return decision === null
      ? { lines, decision, endPath: node.endPath ?? this.node }
      : { lines, decision };
  }

  choose(index: number): void {
    this.calls.push(`choose:${index}`);
    const options =
      this.waiting === null ? undefined : this.script[this.waiting]?.decision?.options;
    const option = options?.[index];
    if (option === undefined) throw new Error(`no option ${index}`);
    this.node = option.next;
    this.waiting = null;
  }

  saveState(): string {
    return JSON.stringify({ node: this.node, waiting: this.waiting });
  }

  loadState(state: string): void {
    this.calls.push('loadState');
    const parsed = JSON.parse(state) as { node: string; waiting: string | null };
    this.node = parsed.node;
    this.waiting = parsed.waiting;
  }

  reset(): void {
    this.calls.push('reset');
    this.node = 'start';
    this.waiting = null;
  }
}

/** Two decisions then one of two endings; the second decision has its own 5 s timer. */
export const twoDecisions: FakeScript = {
  start: {
    lines: ['You wake.', 'The alarm rings.'],
    decision: {
      id: 'start.0',
      options: [
        { text: 'Get up', next: 'kitchen', taste: { risk: 1 } },
        { text: 'Snooze', next: 'kitchen', taste: { risk: -1 }, isDefault: true },
      ],
    },
  },
  kitchen: {
    lines: ['The kitchen.'],
    decision: {
      id: 'kitchen.0',
      timerSeconds: 5,
      options: [
        { text: 'Frosties', next: 'endA' },
        { text: 'Sugar Puffs', next: 'endB' },
      ],
    },
  },
  endA: { lines: ['Ending A.'], endPath: 'endA' },
  endB: { lines: ['Ending B.'], endPath: 'endB' },
};
