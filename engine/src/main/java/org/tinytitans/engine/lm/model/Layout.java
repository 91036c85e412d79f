package org.tinytitans.engine.lm.model;

/** The two decoder-only layouts the engine runs. */
public enum Layout {
    /** Learned positions, LayerNorm with bias, GELU (tanh) MLP, biases on every linear, tied head. */
    GPT2,
    /** RoPE, RMSNorm, SwiGLU MLP, grouped-query attention, no biases. */
    LLAMA
}
