/**
 * Hand-written model configs in the shapes real files have (see ../shared/real-models): a Teachable Machine
 * export, `Sequential[Sequential[Functional base], Sequential[head]]`, its base frozen; and a transfer-
 * learning `Sequential([base, head])` with a frozen Functional base holding BatchNormalization.
 */
const inbound = (...names: string[]) => [names.map((n) => [n, 0, 0, {}])];

/** A small Functional "base": Conv2D → BatchNormalization → ReLU6 → GlobalAveragePooling2D. */
export function functionalBase(name: string, inputShape: number[], trainable = true) {
  return {
    class_name: 'Functional',
    name,
    config: {
      name,
      trainable,
      layers: [
        {
          class_name: 'InputLayer',
          name: `${name}_in`,
          config: { name: `${name}_in`, batch_input_shape: [null, ...inputShape] },
          inbound_nodes: [],
        },
        {
          class_name: 'Conv2D',
          name: 'base_conv',
          config: { name: 'base_conv', filters: 8, kernel_size: [3, 3], use_bias: false },
          inbound_nodes: inbound(`${name}_in`),
        },
        {
          class_name: 'BatchNormalization',
          name: 'base_bn',
          config: { name: 'base_bn', axis: [3] },
          inbound_nodes: inbound('base_conv'),
        },
        {
          class_name: 'ReLU',
          name: 'base_relu',
          config: { name: 'base_relu', max_value: 6 },
          inbound_nodes: inbound('base_bn'),
        },
        {
          class_name: 'GlobalAveragePooling2D',
          name: 'base_gap',
          config: { name: 'base_gap' },
          inbound_nodes: inbound('base_relu'),
        },
      ],
      input_layers: [[`${name}_in`, 0, 0]],
      output_layers: [['base_gap', 0, 0]],
    },
  };
}

/** Teachable Machine's layout: no InputLayer outside; the input shape comes from the innermost model. */
export function teachableMachineModel() {
  return {
    modelTopology: {
      class_name: 'Sequential',
      config: {
        name: 'sequential_outer',
        layers: [
          {
            class_name: 'Sequential',
            config: { name: 'sequential_base', layers: [functionalBase('model1', [28, 28, 1], false)] },
          },
          {
            class_name: 'Sequential',
            config: {
              name: 'sequential_head',
              layers: [
                {
                  class_name: 'Dense',
                  config: { name: 'dense_Dense1', units: 16, activation: 'relu', batch_input_shape: [null, 8] },
                },
                { class_name: 'Dense', config: { name: 'dense_Dense2', units: 10, activation: 'softmax' } },
              ],
            },
          },
        ],
      },
    },
  };
}

/** Keras's `Sequential([base, head])` with base.trainable = False, written by tf.keras 2. */
export function transferModel() {
  return {
    class_name: 'Sequential',
    config: {
      name: 'transfer',
      layers: [
        { class_name: 'InputLayer', config: { name: 'image', batch_input_shape: [null, 28, 28, 1] } },
        functionalBase('frozen_base', [28, 28, 1], false),
        { class_name: 'Dense', config: { name: 'logits', units: 10, activation: 'softmax' } },
      ],
    },
  };
}
