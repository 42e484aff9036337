import { defineCases, exact, throws } from "@tinytorch/course";
import { testLayers } from "./_test_layers.ts";
import type { Api } from "./api.ts";

export default defineCases<Api>("layers.4", {
  "Sequential.forward() applies the layers in order": {
    run: (api) => {
      const { AddOne, Double } = testLayers(api);
      const x = api.tensor([[1, 2], [3, 4]]);
      return {
        addThenDouble: new api.Sequential(new AddOne(), new Double()).forward(x),
        doubleThenAdd: new api.Sequential(new Double(), new AddOne()).forward(x),
      };
    },
    expect: { addThenDouble: [[4, 6], [8, 10]], doubleThenAdd: [[3, 5], [7, 9]] },
    compare: exact(),
  },
  "an empty Sequential is the identity": {
    run: ({ Sequential, tensor }) => new Sequential().forward(tensor([[1.5, -2]])),
    expect: [[1.5, -2]],
    compare: exact(),
  },
  "a Sequential inside a Sequential": {
    run: (api) => {
      const { AddOne, Double } = testLayers(api);
      const inner = new api.Sequential(new Double(), new Double());
      return new api.Sequential(new AddOne(), inner, new AddOne()).forward(api.tensor([0, 1]));
    },
    expect: [5, 9],
    compare: exact(),
  },
  "Sequential.parameters() concatenates the layers' parameters in order": {
    run: (api) => {
      const { AddOne, Holding } = testLayers(api);
      const [a, b, c] = [api.zeros([2, 3]), api.zeros([2]), api.zeros([1, 2])];
      const params = new api.Sequential(new Holding([a, b]), new AddOne(), new Holding([c]))
        .parameters();
      return { count: params.length, same: params.map((p, i) => p === [a, b, c][i]) };
    },
    expect: { count: 3, same: [true, true, true] },
    compare: exact(),
  },
  "Sequential.parameters() reaches into nested Sequentials": {
    run: (api) => {
      const { Holding } = testLayers(api);
      const [a, b] = [api.zeros([4]), api.zeros([5])];
      const inner = new api.Sequential(new Holding([b]));
      return new api.Sequential(new Holding([a]), inner).parameters().map((p) => p.size);
    },
    expect: [4, 5],
    compare: exact(),
  },
  "a shape error names the layer that cannot take its input": {
    run: (api) => {
      const { NeedsLast } = testLayers(api);
      const model = new api.Sequential(new api.Flatten(), new NeedsLast(12));
      model.forward(api.zeros([2, 3, 4]));
      return model.forward(api.zeros([2, 3, 5]));
    },
    compare: throws("RangeError", "NeedsLast(12)"),
  },
  "Flatten.forward() keeps the batch axis and flattens the rest": {
    run: ({ Flatten, tensor }) =>
      new Flatten().forward(tensor([[[1, 2], [3, 4], [5, 6]], [[7, 8], [9, 10], [11, 12]]])),
    expect: [[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]],
    compare: exact(),
  },
  "Flatten.forward() of [2,1,3,2] is [2,6]; of [3,4] it is unchanged": {
    run: ({ Flatten, zeros }) => [
      new Flatten().forward(zeros([2, 1, 3, 2])).shape,
      new Flatten().forward(zeros([3, 4])).shape,
    ],
    expect: [[2, 6], [3, 4]],
    compare: exact(),
  },
  "Flatten.forward() rejects a tensor without a batch axis and features": {
    run: ({ Flatten, tensor }) => new Flatten().forward(tensor([1, 2, 3])),
    compare: throws("RangeError", "[3]"),
  },
});
