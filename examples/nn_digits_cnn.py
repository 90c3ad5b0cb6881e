"""
The seed's CNN, from scratch, on scikit-learn's 8×8 digits
==========================================================

Seed 002 builds a Keras CNN for 28×28×1 images: Conv2D(32, 3×3, relu) → MaxPooling2D(2) →
Conv2D(64, 3×3, relu) → MaxPooling2D(2) → Conv2D(64, 3×3, relu) → Flatten → Dense(64, relu)
→ Dense(10, softmax). On 8×8 images 'valid' convolutions would leave nothing to pool after
the second one, so this example keeps the architecture and pads the convolutions ('same'):
8×8×32 → 4×4×32 → 4×4×64 → 2×2×64 → 2×2×64 → 256 → 64 → 10.

Everything is `mathml` (numpy only) except loading the data and the train/test split
(scikit-learn). Run from the repository root: ``python examples/nn_digits_cnn.py``.
"""
import time

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

from mathml.nn import Conv2D, Dense, Flatten, MaxPooling2D, Sequential


def main(epochs: int = 12, seed: int = 0) -> float:
    digits = load_digits()
    X = digits.images[..., None] / 16.0                     # (1797, 8, 8, 1), NHWC as Keras
    X_train, X_test, y_train, y_test = train_test_split(
        X, digits.target, test_size=0.25, random_state=0, stratify=digits.target)

    model = Sequential([
        Conv2D(32, (3, 3), activation="relu", padding="same", input_shape=(8, 8, 1)),
        MaxPooling2D((2, 2)),
        Conv2D(64, (3, 3), activation="relu", padding="same"),
        MaxPooling2D((2, 2)),
        Conv2D(64, (3, 3), activation="relu", padding="same"),
        Flatten(),
        Dense(64, activation="relu"),
        Dense(10, activation="softmax"),
    ])
    model.summary()

    start = time.perf_counter()
    history = model.fit(X_train, y_train, epochs=epochs, batch_size=32, optimizer="adam",
                        learning_rate=0.001, random_state=seed,
                        loss="sparse_categorical_crossentropy")
    seconds = time.perf_counter() - start

    print("\nloss curve (mean training cross-entropy per epoch):")
    top = max(history.history["loss"])
    for epoch, loss in enumerate(history.history["loss"], 1):
        print(f"  epoch {epoch:2d}  {loss:.4f}  {'#' * int(50 * loss / top)}")
    accuracy = float(np.mean(model.predict(X_test).argmax(axis=1) == y_test))
    print(f"\ntest accuracy {accuracy:.4f} on {len(y_test)} images "
          f"({len(y_train)} for training, {epochs} epochs in {seconds:.1f} s)")
    return accuracy


if __name__ == "__main__":
    main()
