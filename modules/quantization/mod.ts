/**
 * Course package @tinytorch/quantization (work in progress).
 *
 * @module
 */
export {};
