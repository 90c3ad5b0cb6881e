"""
The seed's LSTM text model, from scratch, on a generated sentiment-like sequence task
=====================================================================================

Seed 002 builds a Keras model for tokenised, padded sentences: Embedding(vocab_size, 16,
input_length=10) → LSTM(32) → Dense(24, relu) → Dense(1, sigmoid), with vocab_size = 15.
Here the "sentences" are generated: 3 to 10 word ids each, padded with 0 at the end to
length 10 (Keras's ``padding='post'``); ids 2–7 are "positive" words, 8–13 "negative" and
14 is "not", which turns the word right after it into its opposite (1 is the tokenizer's
out-of-vocabulary id, unused). The label is 1 when a sentence says more positive than
negative things (ties are not generated), so the LSTM must count along the sequence,
remember the previous word, and keep the count through the padding.

Everything is `mathml` (numpy only). Run from the repository root:
``python examples/nn_lstm_sequence.py``.
"""
import time

import numpy as np

from mathml.nn import LSTM, Dense, Embedding, Sequential

VOCAB, LENGTH = 15, 10


def sentences(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    X, y = np.zeros((n, LENGTH), dtype=int), np.zeros(n, dtype=int)
    i = 0
    while i < n:
        words = rng.integers(2, VOCAB, size=rng.integers(3, LENGTH + 1))
        sign = np.where(words <= 7, 1, np.where(words <= 13, -1, 0))
        negated = np.r_[False, words[:-1] == 14]                 # the word after a "not"
        score = np.sum(np.where(negated, -sign, sign))
        if score == 0:
            continue
        X[i, :len(words)], y[i] = words, int(score > 0)
        i += 1
    return X, y


def main(epochs: int = 10, seed: int = 0) -> float:
    rng = np.random.default_rng(seed)
    X_train, y_train = sentences(3000, rng)
    X_test, y_test = sentences(1000, rng)

    model = Sequential([
        Embedding(VOCAB, 16, input_length=LENGTH),
        LSTM(32),
        Dense(24, activation="relu"),
        Dense(1, activation="sigmoid"),
    ])
    model.summary()

    start = time.perf_counter()
    history = model.fit(X_train, y_train, epochs=epochs, batch_size=32, optimizer="adam",
                        learning_rate=0.005, random_state=seed, loss="binary_crossentropy")
    seconds = time.perf_counter() - start

    print("\nloss curve (mean training binary cross-entropy per epoch):")
    top = max(history.history["loss"])
    for epoch, loss in enumerate(history.history["loss"], 1):
        print(f"  epoch {epoch:2d}  {loss:.4f}  {'#' * int(50 * loss / top)}")
    accuracy = float(np.mean((model.predict(X_test)[:, 0] > 0.5) == y_test))
    print(f"\ntest accuracy {accuracy:.4f} on {len(y_test)} generated sentences (majority "
          f"class {max(np.mean(y_test), 1 - np.mean(y_test)):.3f}; {epochs} epochs in "
          f"{seconds:.1f} s)")
    return accuracy


if __name__ == "__main__":
    main()
