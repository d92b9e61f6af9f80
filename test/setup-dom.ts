// jsdom setup for view tests: a mocked 2D canvas so pixi can build its scene graph.
import 'vitest-canvas-mock';
