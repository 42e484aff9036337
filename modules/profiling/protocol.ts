/**
 * The protocol profiling measures through. Profiling never imports a layer class: anything with
 * these members is profiled, including layers written in later modules (quantized ones).
 *
 * @module
 */

/**
 * Parameter storage: a Tensor, or a quantized tensor whose `size` and `nbytes` count its scales and
 * zero points too.
 */
export interface ParameterLike {
  /** Number of stored values. */
  readonly size: number;
  /** Bytes of the backing typed arrays (`byteLength`). */
  readonly nbytes: number;
}

/** An activation flowing between layers: a Tensor or anything with a shape and a byte length. */
export interface TensorLike {
  /** The shape, batch first. */
  readonly shape: readonly number[];
  /** Bytes of the backing typed array (`byteLength`). */
  readonly nbytes: number;
}

/** A layer as profiling sees it. */
export interface ProfiledLayer {
  /** Computes the output; may return a promise. */
  forward(input: TensorLike): unknown;
  /** The layer's parameters (none if absent). */
  parameters?(): Iterable<ParameterLike>;
  /** The output shape for an input shape; throws `RangeError` for a shape the layer cannot take. */
  outputShape?(inShape: readonly number[]): readonly number[];
  /** The FLOPs of one forward pass on an input of this shape (batch included). */
  flops?(inShape: readonly number[]): number;
  /**
   * The arithmetic `forward` computes in, so the profile judges it against that compute roof:
   * `"int8"` for an integer kernel, `"float32"` (the default when absent) otherwise.
   */
  readonly precision?: "float32" | "int8";
}

/** A container such as `Sequential`: its `layers` run in order, each on the previous output. */
export interface LayerContainer {
  /** The layers, in the order they run. */
  readonly layers: readonly Model[];
}

/** What the profiling functions accept: a layer, a container, or both (a `Sequential`). */
export type Model = ProfiledLayer | LayerContainer;
