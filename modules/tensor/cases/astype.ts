import { defineCases, exact, throws } from "@tinytorch/course";
import type { Api } from "./mod.ts";
import { want } from "./_want.ts";

export default defineCases<Api>("tensor.6", {
  "astype('int8') truncates toward zero": {
    run: ({ tensor }) => tensor([[1.9, -1.9], [127.5, -128.9]]).astype("int8"),
    expect: want("int8", [[1, -1], [127, -128]]),
    compare: exact(),
  },
  "astype('int32') of floats and astype('float32') of ints": {
    run: ({ tensor }) => [
      tensor([2.5, -0.5, 1e9]).astype("int32"),
      tensor([-3, 100], { dtype: "int8" }).astype("float32"),
    ],
    expect: [want("int32", [2, 0, 1e9]), want("float32", [-3, 100])],
    compare: exact(),
  },
  "astype('int8') of int32 values in range; nbytes is 1 per element": {
    run: ({ tensor }) => {
      const q = tensor([[-128, 0, 127]], { dtype: "int32" }).astype("int8");
      return { q, nbytes: q.nbytes };
    },
    expect: { q: want("int8", [[-128, 0, 127]]), nbytes: 3 },
    compare: exact(),
  },
  "astype() returns a copy even for the same dtype": {
    run: ({ tensor }) => {
      const x = tensor([1, 2]);
      x.astype("float32").data[0] = 5;
      return x;
    },
    expect: want("float32", [1, 2]),
    compare: exact(),
  },
  "astype('int8') of 300 is a RangeError naming the value, its index and the range": {
    run: ({ tensor }) => tensor([[1, 2], [3, 300]]).astype("int8"),
    compare: throws("RangeError", /300.*\[1,1\].*-128.*127/),
  },
  "astype('int8') of -129 is a RangeError (a typed array would wrap it to 127)": {
    run: ({ tensor }) => tensor([-129], { dtype: "int32" }).astype("int8"),
    compare: throws("RangeError", /-129/),
  },
  "astype('int32') of NaN is a RangeError saying it is not finite": {
    run: ({ tensor }) => tensor([0, NaN]).astype("int32"),
    compare: throws("RangeError", /NaN.*\[1\].*not finite/),
  },
  "astype('int32') of Infinity is a RangeError": {
    run: ({ tensor }) => tensor([-Infinity]).astype("int32"),
    compare: throws("RangeError", /Infinity/),
  },
  "astype('int32') of 2^31 is a RangeError": {
    run: ({ tensor }) => tensor([2 ** 31]).astype("int32"),
    compare: throws("RangeError", /2147483648/),
  },
  "astype('float64') is a TypeError naming the conversion": {
    run: ({ tensor }) => tensor([1]).astype("float64" as never),
    compare: throws("TypeError", /convert|astype/),
  },
  "astype() of a non-tensor is a TypeError naming the conversion": {
    run: ({ astype }) => astype(5 as never, "int8"),
    compare: throws("TypeError", /convert|astype/),
  },
});
