/**
 * The task cases of the layers module (course modules 02 and 03).
 *
 * @module
 */
import activations from "./activations.ts";
import dropout from "./dropout.ts";
import linear from "./linear.ts";
import sequential from "./sequential.ts";
import softmax from "./softmax.ts";

export type { Api } from "./api.ts";

/** Every case set of the module, in task order. */
export const cases = [activations, softmax, linear, sequential, dropout];
