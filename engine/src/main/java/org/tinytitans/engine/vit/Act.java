package org.tinytitans.engine.vit;

/** The MLP activations of the vision and CLIP towers, by their Hugging Face {@code hidden_act} names. */
public enum Act {
    /** Exact GELU, 0.5·x·(1 + erf(x/√2)): ViT, DeiT, the LLaVA projector. */
    GELU("gelu"),
    /** x·sigmoid(1.702·x): OpenAI CLIP. */
    QUICK_GELU("quick_gelu"),
    /** The tanh approximation of GELU. */
    GELU_TANH("gelu_pytorch_tanh");

    private final String hf;

    Act(String hf) {
        this.hf = hf;
    }

    public String hfName() { return hf; }

    public static Act fromHf(String name) {
        return switch (name) {
            case "gelu" -> GELU;
            case "quick_gelu" -> QUICK_GELU;
            case "gelu_new", "gelu_pytorch_tanh", "gelu_fast" -> GELU_TANH;
            default -> throw new IllegalArgumentException("hidden_act '" + name + "' is not supported; use gelu, quick_gelu or gelu_pytorch_tanh");
        };
    }
}
