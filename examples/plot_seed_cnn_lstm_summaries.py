"""
The seed's CNN and LSTM: summaries and a forward pass
=====================================================

Seed file: ``002_4b7009893bf14dc2.txt`` (seed 002), "Real-Life Example: Image
Classification" (a Keras CNN for 28×28 grey images: three 3×3 convolutions with ReLU, two
2×2 max-poolings, a dense layer of 64 and a softmax over 10 classes; ``model.summary()``)
and "Real-Life Example: Natural Language Processing" (three sentences tokenised and padded
to 10 words, an Embedding of 16, an LSTM of 32, a dense layer of 24 and a sigmoid output;
``model.summary()``).

``mathml.nn.Sequential`` builds both models with Keras's layer names and prints Keras's
summary table. The reference has no Keras (TensorFlow is not a dependency): it has each
layer as a function (``reference.nn.conv2d`` through SciPy's correlation, ``lstm`` through
SciPy's logistic function, ...), as mathml does (``mathml.nn.conv2d``, ...). So the summaries
come from mathml, and the models run through both: one forward pass, layer by layer, with
the same weights, each layer's output from both backends compared with the catalog's
tolerance for that layer, and each output's shape checked against the seed's summary.
"""
import re

import matplotlib.pyplot as plt
import numpy as np

import mathml
import reference
from mathml.nn import LSTM, Conv2D, Dense, Embedding, Flatten, MaxPooling2D, Sequential
from reference.compare import agree

BACKENDS = {"mathml": mathml, "reference": reference}


def agreeing(what, got, expected, tolerance):
    """Raise if two answers differ beyond the named entry of the catalog's tolerance table."""
    verdict = agree(got, expected, tolerance)
    if not verdict.ok:
        raise AssertionError(f"{what} beyond the '{tolerance}' tolerance: {verdict.detail}")


# %%
# The CNN's summary
# -----------------
# Keras prints for the seed's CNN (the numbers to keep): output shapes (26, 26, 32),
# (13, 13, 32), (11, 11, 64), (5, 5, 64), (3, 3, 64), (576,), (64,), (10,); parameters
# 320, 0, 18496, 0, 36928, 0, 36928, 650; ``Total params: 93,322``.

CNN_SHAPES = [(26, 26, 32), (13, 13, 32), (11, 11, 64), (5, 5, 64), (3, 3, 64), (576,), (64,),
              (10,)]
cnn = Sequential([
    Conv2D(32, (3, 3), activation="relu", input_shape=(28, 28, 1)),
    MaxPooling2D((2, 2)),
    Conv2D(64, (3, 3), activation="relu"),
    MaxPooling2D((2, 2)),
    Conv2D(64, (3, 3), activation="relu"),
    Flatten(),
    Dense(64, activation="relu"),
    Dense(10, activation="softmax"),
])
lines = []
cnn.summary(print_fn=lines.append)
print(lines[0])
params = [int(n) for n in re.findall(r"\) +(\d+)$", lines[0], re.MULTILINE)]
if params != [320, 0, 18496, 0, 36928, 0, 36928, 650] or "Total params: 93,322" not in lines[0]:
    raise AssertionError(f"the CNN's summary drifted from Keras's: {params}")

# %%
# The CNN's forward pass, through each backend
# --------------------------------------------
# The weights are mathml's (Glorot uniform, seeded); the input is a hand-drawn 28×28 "7".
# Layers take images as (batch, channels, height, width), PyTorch's layout; Keras's
# (batch, height, width, channels) is one transpose away.

cnn.build(random_state=0)
w = [layer.params for layer in cnn.layers if getattr(layer, "params", None)]
image = np.zeros((28, 28))
image[5:8, 6:22] = 1.0                                   # the bar of the 7
for r in range(8, 24):                                   # its stem, leaning left
    c = int(21 - (r - 8) * 0.55)
    image[r, c - 1:c + 2] = 1.0
x = image[None, None]                                    # (1, 1, 28, 28)


def cnn_layers(ml, x):
    """The seed's CNN as functions of `ml.nn`: each layer's name, function and arguments."""
    nn = ml.nn
    return [("conv2d + relu", lambda a: nn.relu(nn.conv2d(a, *w[0])), "products"),
            ("max_pooling2d", lambda a: nn.max_pool2d(a, 2), "products"),
            ("conv2d_1 + relu", lambda a: nn.relu(nn.conv2d(a, *w[1])), "products"),
            ("max_pooling2d_1", lambda a: nn.max_pool2d(a, 2), "products"),
            ("conv2d_2 + relu", lambda a: nn.relu(nn.conv2d(a, *w[2])), "products"),
            # channels first, as mathml's Flatten (Keras's order is a permutation of it,
            # which the next layer's weights absorb)
            ("flatten", lambda a: nn.flatten(a), "exact"),
            ("dense + relu", lambda a: nn.relu(nn.linear(a, *w[3])), "products"),
            ("dense_1 + softmax", lambda a: nn.softmax(nn.linear(a, *w[4])), "vjp")]


activations = {name: [] for name in BACKENDS}
a = x
for k, (layer, _, tolerance) in enumerate(cnn_layers(mathml, x)):
    # each backend's layer on the same input (mathml's previous output)
    outputs = {name: cnn_layers(ml, x)[k][1](a) for name, ml in BACKENDS.items()}
    agreeing(f"CNN layer {layer}", outputs["mathml"], outputs["reference"], tolerance)
    shape = outputs["mathml"].shape[1:]
    keras_shape = shape[1:] + shape[:1] if len(shape) == 3 else shape   # CHW → HWC
    if keras_shape != CNN_SHAPES[k]:
        raise AssertionError(f"{layer}: shape {keras_shape}, the seed's summary says {CNN_SHAPES[k]}")
    for name in BACKENDS:
        activations[name].append(outputs[name])
    a = outputs["mathml"]
    print(f"{layer:18s} {str(keras_shape):15s} agree ('{tolerance}')")
probabilities = {name: acts[-1][0] for name, acts in activations.items()}
print("class probabilities (untrained):", np.round(probabilities["mathml"], 4))
# the functions compute what the Sequential model computes (Keras's layout in, NHWC)
np.testing.assert_allclose(cnn.predict(x.transpose(0, 2, 3, 1))[0], probabilities["mathml"],
                           rtol=1e-12)

# %%
# The LSTM's summary
# ------------------
# Keras prints for the seed's text model (the numbers to keep): vocab_size = 15 (13 words,
# ``<OOV>`` and the padding 0); output shapes (10, 16), (32,), (24,), (1,); parameters
# 240, 6272, 792, 25; ``Total params: 7,329``.

texts = ["I love machine learning",
         "Natural language processing is fascinating",
         "Deep learning is a subset of machine learning"]


def fit_tokenizer(texts, oov_token="<OOV>"):
    """Keras's Tokenizer.fit_on_texts: lower-cased words numbered from 1 by decreasing
    count (ties in order of first appearance), the out-of-vocabulary token first."""
    counts = {}
    for text in texts:
        for word in text.lower().split():
            counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts, key=counts.get, reverse=True)          # stable: first seen first
    return {word: i + 1 for i, word in enumerate([oov_token] + ranked)}


word_index = fit_tokenizer(texts)
sequences = [[word_index.get(w, 1) for w in text.lower().split()] for text in texts]
padded = np.zeros((len(texts), 10), dtype=int)                 # pad_sequences(..., 'post')
for i, s in enumerate(sequences):
    padded[i, :len(s[:10])] = s[:10]
vocab_size = len(word_index) + 1
print("word_index:", word_index)
print("padded:\n", padded, sep="")
if vocab_size != 15:
    raise AssertionError(f"vocab_size {vocab_size}: the seed's tokenizer gives 15")

lstm_model = Sequential([
    Embedding(vocab_size, 16, input_length=10),
    LSTM(32),
    Dense(24, activation="relu"),
    Dense(1, activation="sigmoid"),
])
lines = []
lstm_model.summary(print_fn=lines.append)
print(lines[0])
params = [int(n) for n in re.findall(r"\) +(\d+)$", lines[0], re.MULTILINE)]
if params != [240, 6272, 792, 25] or "Total params: 7,329" not in lines[0]:
    raise AssertionError(f"the LSTM model's summary drifted from Keras's: {params}")

# %%
# The LSTM's forward pass, through each backend
# ---------------------------------------------
# The three padded sentences through the embedding, the LSTM (its hidden state at every
# step, for the figure, and at the last), the dense layers.

lstm_model.build(random_state=0)
E, (kernel, recurrent, bias), W1, W2 = [layer.params for layer in lstm_model.layers]
LSTM_SHAPES = [(10, 16), (32,), (24,), (1,)]
hidden, outputs_by_backend = {}, {}
for name, ml in BACKENDS.items():
    nn = ml.nn
    embedded = nn.embedding(padded, *E)
    states = nn.lstm(embedded, kernel, recurrent, bias, return_sequences=True)
    last = nn.lstm(embedded, kernel, recurrent, bias)
    dense = nn.relu(nn.linear(last, *W1))
    out = nn.sigmoid(nn.linear(dense, *W2))
    hidden[name] = states
    outputs_by_backend[name] = embedded, last, dense, out
    np.testing.assert_array_equal(states[:, -1], last)                # the last step is the output
for k, (layer, tolerance) in enumerate((("embedding", "products"), ("lstm", "numerical_vjp"),
                                        ("dense + relu", "products"), ("dense_1 + sigmoid", "products"))):
    got, expected = outputs_by_backend["mathml"][k], outputs_by_backend["reference"][k]
    agreeing(f"LSTM model layer {layer}", got, expected, tolerance)
    if got.shape[1:] != LSTM_SHAPES[k]:
        raise AssertionError(f"{layer}: shape {got.shape[1:]}, the seed's summary says {LSTM_SHAPES[k]}")
    print(f"{layer:18s} {str(got.shape[1:]):15s} agree ('{tolerance}')")
np.testing.assert_allclose(lstm_model.predict(padded), outputs_by_backend["mathml"][3], rtol=1e-12)
print("outputs (untrained):", outputs_by_backend["mathml"][3].ravel())

# %%
# Both backends on figures
# ------------------------
# The CNN: the input, then four of the 32 feature maps of the first convolution from each
# backend, and the (untrained) class probabilities. The LSTM: three of the 32 hidden units
# along each sentence, mathml solid, reference dashed; the padding steps (after each
# sentence's last word) keep changing the state, as Keras's LSTM without masking does.

fig, axes = plt.subplots(2, 6, figsize=(15, 5), layout="constrained")
axes[0, 0].imshow(image, cmap="gray_r")
axes[0, 0].set_title("input 28×28")
axes[1, 0].axis("off")
for row, name in enumerate(BACKENDS):
    maps = activations[name][0][0]
    for j in range(4):
        axes[row, j + 1].imshow(maps[j], cmap="viridis")
        axes[row, j + 1].set_title(f"{name}: filter {j}", fontsize=9)
    axes[row, 5].bar(np.arange(10), probabilities[name], color="C0" if row == 0 else "0.3")
    axes[row, 5].set_title(f"{name}: softmax", fontsize=9)
for ax in axes[:, :5].ravel():
    ax.set_xticks([])
    ax.set_yticks([])
fig.suptitle("Seed 002: the CNN's first convolution (26×26×32, ReLU) and output, both backends")

fig, axes = plt.subplots(1, 3, figsize=(15, 4), layout="constrained", sharey=True)
for i, ax in enumerate(axes):
    for unit in range(3):
        ax.plot(hidden["mathml"][i, :, unit], "-o", color=f"C{unit}", lw=3, alpha=0.6,
                label=f"mathml: unit {unit}")
        ax.plot(hidden["reference"][i, :, unit], "k--", lw=1,
                label="reference" if unit == 0 else None)
    ax.axvline(len(sequences[i]) - 0.5, color="0.6", ls=":")
    ax.set_title(f"“{texts[i]}”", fontsize=9)
    ax.set_xlabel("step (word, then padding)")
axes[0].set_ylabel("LSTM hidden state")
axes[0].legend(fontsize=8)
fig.suptitle("Seed 002: the LSTM's hidden state along each padded sentence, both backends")
