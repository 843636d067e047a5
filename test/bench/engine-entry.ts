// What the benchmark bundles: the engine's entry point and the dictionary it loads.
export { annotate } from '../../src/core/annotate';
export { defaultDictionary } from '../../src/core/actors/load';
