import type { Model, ParameterLike, ProfiledLayer, TensorLike } from "./protocol.ts";

/** A leaf layer of a model with its name, e.g. `"2:Linear(128, 64)"` (index path, then the layer). */
export interface NamedLayer {
  /**
   * Index path and the layer's `toString()` (its class name if it has none); no path for a model
   * that is a single layer.
   */
  readonly name: string;
  /** The layer. */
  readonly layer: ProfiledLayer;
}

/** Describes a value for an error message: `"a Tensor"`, `"null"`, `"a number (3)"`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value !== "object" && typeof value !== "function") {
    return `a ${typeof value} (${String(value)})`;
  }
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  if (typeof value === "function") return `a function${value.name ? ` (${value.name})` : ""}`;
  return name && name !== "Object" ? `a ${name}` : "an object";
}

/** Formats a shape like the tensor module's messages: `[1,784]`. */
export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(",")}]`;
}

/** Number of elements of a shape (1 for `[]`). */
export function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Whether `value` has a `layers` array (a container). */
export function isContainer(value: unknown): value is { layers: readonly Model[] } {
  return typeof value === "object" && value !== null &&
    Array.isArray((value as { layers?: unknown }).layers);
}

/** Whether `value` has a `forward` method (a layer). */
export function isLayer(value: unknown): value is ProfiledLayer {
  return typeof value === "object" && value !== null &&
    typeof (value as { forward?: unknown }).forward === "function";
}

/** Whether `value` has a `parameters` method. */
export function hasParameters(value: unknown): value is { parameters(): Iterable<ParameterLike> } {
  return typeof value === "object" && value !== null &&
    typeof (value as { parameters?: unknown }).parameters === "function";
}

function layerText(value: object): string {
  const text = String(value);
  if (text !== "[object Object]") return text;
  return value.constructor?.name && value.constructor.name !== "Object"
    ? value.constructor.name
    : "layer";
}

/**
 * The leaf layers of a model in execution order: a container's `layers` are expanded
 * recursively; anything else with `forward` is a leaf.
 *
 * @throws {TypeError} For something that is neither a layer nor a container.
 */
export function leafLayers(model: unknown, operation: string, path: string[] = []): NamedLayer[] {
  if (isContainer(model)) {
    return model.layers.flatMap((child, i) => leafLayers(child, operation, [...path, String(i)]));
  }
  if (isLayer(model)) {
    const name = path.length === 0 ? layerText(model) : `${path.join(".")}:${layerText(model)}`;
    return [{ name, layer: model }];
  }
  const where = path.length === 0 ? "" : ` (layer ${path.join(".")})`;
  throw new TypeError(
    `Cannot ${operation} ${
      describeValue(model)
    }${where}: expected a layer with forward() or a container with layers`,
  );
}

/** A layer's parameters as an array (none when it has no `parameters()`). */
export function layerParameters(layer: ProfiledLayer): ParameterLike[] {
  return layer.parameters ? [...layer.parameters()] : [];
}

/**
 * Checks that a forward output is tensor-like and returns it.
 *
 * @throws {TypeError} If it has no numeric `nbytes` or no `shape` array.
 */
export function asTensorLike(value: unknown, where: string): TensorLike {
  const t = value as Partial<TensorLike> | null;
  if (
    typeof t !== "object" || t === null || typeof t.nbytes !== "number" || !Array.isArray(t.shape)
  ) {
    throw new TypeError(
      `${where} returned ${describeValue(value)}: expected a tensor with shape and nbytes`,
    );
  }
  return t as TensorLike;
}
