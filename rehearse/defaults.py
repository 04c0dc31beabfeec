"""Defaults shared by the light CLI and the heavy audio/speech modules (no imports here)."""

SAMPLE_RATE = 16_000  # Hz: what Whisper expects, and what recordings are stored at
DEFAULT_MODEL = "base.en"  # Whisper model when neither --model nor $REHEARSE_MODEL is given
ENV_MODEL = "REHEARSE_MODEL"
ENV_ENGINE = "REHEARSE_ENGINE"  # auto (faster-whisper when installed), faster-whisper, openai-whisper
DEFAULT_SECONDS = 120  # the two-minute answer
FOLLOW_UP_SECONDS = 45  # a follow-up answer is a detail, not a second two-minute answer
MAX_SECONDS = 3600  # refuse limits beyond an hour: an answer is minutes long
SILENCE_DBFS = -50.0  # input quieter than this counts as silence (live warning, mic check)
