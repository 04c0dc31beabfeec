"""The CTranslate2 -> openai-whisper converter: a model written the way CTranslate2 writes one
comes back as the same weights; the real tiny.en weights become a checkpoint that transcribes."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import pytest
import torch

from rehearse.ct2convert import ConversionError, convert, main, read_folder
from rehearse.transcribe import load_checkpoint

from .audio_support import random_whisper

DTYPE_IDS = {"float32": 0, "int8": 1, "int16": 2, "int32": 3, "float16": 4}


def _string(text: str) -> bytes:
    data = text.encode() + b"\0"
    return struct.pack("<H", len(data)) + data


def write_model_bin(path: Path, variables: dict[str, np.ndarray], aliases: dict[str, str]) -> None:
    """model.bin as CTranslate2's ModelSpec._serialize writes it (binary version 6)."""
    out = [struct.pack("<I", 6), _string("WhisperSpec"), struct.pack("<I", 3),
           struct.pack("<I", len(variables))]
    for name, value in sorted(variables.items()):
        out += [_string(name), struct.pack("<B", value.ndim),
                struct.pack(f"<{value.ndim}I", *value.shape),
                struct.pack("<BI", DTYPE_IDS[value.dtype.name], value.nbytes), value.tobytes()]
    out.append(struct.pack("<I", len(aliases)))
    for alias, target in aliases.items():
        out += [_string(alias), _string(target)]
    path.write_bytes(b"".join(out))


def ct2_variables(state: dict[str, torch.Tensor], dims: dict[str, int],
                  quantize: bool) -> dict[str, np.ndarray]:
    """The CTranslate2 Whisper layout of an openai-whisper state dict: q/k/v fused (the key's bias
    a zero block), cross-attention k/v fused, names as converters/transformers.py sets them,
    float16 storage, or int8 weights with per-row scales when ``quantize``."""
    s = {k: v.numpy() for k, v in state.items()}
    var: dict[str, np.ndarray] = {}

    def lin(dst: str, weight: np.ndarray, bias: np.ndarray) -> None:
        if quantize and weight.ndim == 2:
            scale = 127.0 / np.maximum(np.abs(weight).max(axis=1), 1e-8)
            var[f"{dst}/weight"] = np.rint(weight * scale[:, None]).astype(np.int8)
            var[f"{dst}/weight_scale"] = scale.astype(np.float32)
        else:
            var[f"{dst}/weight"] = weight.astype(np.float16)
        var[f"{dst}/bias"] = bias.astype(np.float16)

    def ln(dst: str, src: str) -> None:
        var[f"{dst}/gamma"] = s[f"{src}.weight"].astype(np.float16)
        var[f"{dst}/beta"] = s[f"{src}.bias"].astype(np.float16)

    def fused(dst: str, src: str, names: tuple[str, ...]) -> None:
        zeros = np.zeros(s[f"{src}.{names[0]}.weight"].shape[0], np.float32)
        lin(dst, np.concatenate([s[f"{src}.{n}.weight"] for n in names]),
            np.concatenate([s.get(f"{src}.{n}.bias", zeros) for n in names]))

    def block(dst: str, src: str, cross: bool) -> None:
        fused(f"{dst}/self_attention/linear_0", f"{src}.attn", ("query", "key", "value"))
        lin(f"{dst}/self_attention/linear_1", s[f"{src}.attn.out.weight"], s[f"{src}.attn.out.bias"])
        ln(f"{dst}/self_attention/layer_norm", f"{src}.attn_ln")
        if cross:
            lin(f"{dst}/attention/linear_0", s[f"{src}.cross_attn.query.weight"],
                s[f"{src}.cross_attn.query.bias"])
            fused(f"{dst}/attention/linear_1", f"{src}.cross_attn", ("key", "value"))
            lin(f"{dst}/attention/linear_2", s[f"{src}.cross_attn.out.weight"],
                s[f"{src}.cross_attn.out.bias"])
            ln(f"{dst}/attention/layer_norm", f"{src}.cross_attn_ln")
        lin(f"{dst}/ffn/linear_0", s[f"{src}.mlp.0.weight"], s[f"{src}.mlp.0.bias"])
        lin(f"{dst}/ffn/linear_1", s[f"{src}.mlp.2.weight"], s[f"{src}.mlp.2.bias"])
        ln(f"{dst}/ffn/layer_norm", f"{src}.mlp_ln")

    for conv in ("conv1", "conv2"):
        lin(f"encoder/{conv}", s[f"encoder.{conv}.weight"], s[f"encoder.{conv}.bias"])
    var["encoder/position_encodings/encodings"] = s["encoder.positional_embedding"].astype(np.float16)
    var["encoder/num_heads"] = np.array(dims["n_audio_head"], np.int16)
    for i in range(dims["n_audio_layer"]):
        block(f"encoder/layer_{i}", f"encoder.blocks.{i}", cross=False)
    ln("encoder/layer_norm", "encoder.ln_post")
    var["decoder/embeddings/weight"] = s["decoder.token_embedding.weight"].astype(np.float16)
    var["decoder/position_encodings/encodings"] = s["decoder.positional_embedding"].astype(np.float16)
    var["decoder/num_heads"] = np.array(dims["n_text_head"], np.int16)
    var["decoder/scale_embeddings"] = np.array(0, np.int8)
    for i in range(dims["n_text_layer"]):
        block(f"decoder/layer_{i}", f"decoder.blocks.{i}", cross=True)
    ln("decoder/layer_norm", "decoder.ln")
    return var


@pytest.fixture(scope="module")
def small_whisper(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict[str, torch.Tensor]]:
    model = random_whisper(width=32, heads=2, layers=2, seed=1)
    with torch.no_grad():
        for p in model.parameters():
            p.normal_(0.0, 0.5)
    return model.dims.__dict__, model.state_dict()


def ct2_folder(folder: Path, dims: dict, state: dict[str, torch.Tensor], quantize: bool = False,
               heads: list[list[int]] | None = None) -> Path:
    folder.mkdir()
    write_model_bin(folder / "model.bin", ct2_variables(state, dims, quantize),
                    {"decoder/projection/weight": "decoder/embeddings/weight"})
    (folder / "config.json").write_text(json.dumps({"alignment_heads": heads or [[1, 0], [1, 1]],
                                                    "suppress_ids": [1, 2]}))
    return folder


def test_a_ctranslate2_model_converts_back_to_the_same_weights(
        tmp_path: Path, small_whisper: tuple[dict, dict[str, torch.Tensor]]) -> None:
    dims, state = small_whisper
    folder = ct2_folder(tmp_path / "ct2", dims, state, heads=[[1, 0], [0, 1]])
    checkpoint = read_folder(folder)
    assert checkpoint["dims"] == dims
    assert checkpoint["alignment_heads"] == [[1, 0], [0, 1]]
    converted = checkpoint["model_state_dict"]
    assert set(converted) == set(state)  # every weight whisper needs, nothing it would refuse
    for name in state:
        expected = state[name].numpy().astype(np.float16).astype(np.float32)  # stored as fp16
        np.testing.assert_array_equal(converted[name], expected, err_msg=name)


def test_int8_weights_are_dequantised(
        tmp_path: Path, small_whisper: tuple[dict, dict[str, torch.Tensor]]) -> None:
    dims, state = small_whisper
    converted = read_folder(ct2_folder(tmp_path / "ct2", dims, state, quantize=True))
    for name in ("encoder.blocks.0.attn.key.weight", "decoder.blocks.1.mlp.2.weight",
                 "decoder.blocks.0.cross_attn.value.weight"):
        original = state[name].numpy()
        step = np.abs(original).max(axis=1, keepdims=True) / 127
        assert np.all(np.abs(converted["model_state_dict"][name] - original) <= step * 0.51), name


def test_the_checkpoint_loads_with_its_alignment_heads(
        tmp_path: Path, small_whisper: tuple[dict, dict[str, torch.Tensor]]) -> None:
    dims, state = small_whisper
    out = convert(ct2_folder(tmp_path / "ct2", dims, state, heads=[[1, 1]]), tmp_path / "m.pt")
    model = load_checkpoint(out, "cpu")
    assert model.alignment_heads.to_dense().nonzero().tolist() == [[1, 1]]
    assert torch.equal(model.decoder.token_embedding.weight,
                       state["decoder.token_embedding.weight"].half().float())


@pytest.mark.parametrize("damage", ["missing", "truncated", "not whisper", "bad head"])
def test_what_is_not_a_whisper_model_is_one_clear_error(
        tmp_path: Path, small_whisper: tuple[dict, dict[str, torch.Tensor]], damage: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    dims, state = small_whisper
    folder = ct2_folder(tmp_path / "ct2", dims, state)
    model_bin = folder / "model.bin"
    expected = {"missing": "has no model.bin", "truncated": "truncated",
                "not whisper": "not a Whisper model", "bad head": "outside the decoder"}[damage]
    if damage == "missing":
        model_bin.unlink()
    elif damage == "truncated":
        model_bin.write_bytes(model_bin.read_bytes()[:5000])
    elif damage == "not whisper":
        write_model_bin(model_bin, {"encoder/num_heads": np.array(2, np.int16)}, {})
    else:
        (folder / "config.json").write_text(json.dumps({"alignment_heads": [[5, 0]]}))
    with pytest.raises(ConversionError, match=expected):
        read_folder(folder)
    assert main([str(folder), str(tmp_path / "out.pt")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and expected in err
    assert not (tmp_path / "out.pt").exists()


def test_real_tiny_en_checkpoint_has_its_dimensions_and_heads(real_tiny: Path) -> None:
    checkpoint = torch.load(real_tiny, weights_only=True)
    assert checkpoint["dims"] == {"n_mels": 80, "n_audio_ctx": 1500, "n_audio_state": 384,
                                  "n_audio_head": 6, "n_audio_layer": 4, "n_vocab": 51864,
                                  "n_text_ctx": 448, "n_text_state": 384, "n_text_head": 6,
                                  "n_text_layer": 4}
    # openai-whisper's own alignment heads for tiny.en, as CTranslate2 keeps them in config.json
    assert checkpoint["alignment_heads"] == [[1, 0], [2, 0], [2, 5], [3, 0], [3, 1], [3, 2],
                                             [3, 3], [3, 4]]
