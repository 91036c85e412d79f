package org.tinytitans.engine.lm.model;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tinytitans.engine.weights.Safetensors;
import org.tinytitans.engine.weights.Tensor;

/**
 * A Hugging Face checkpoint folder: config.json, model.safetensors or shards listed in
 * model.safetensors.index.json (BF16/F16 widened to float by our reader; DJL's aborts on BF16), and
 * tokenizer.json when present. GPT-2's fused Conv1D {@code c_attn} (in, q+k+v) is split and transposed to
 * (out, in) linears on load and fused back on save.
 */
public final class HfCheckpoint {
    private static final Pattern LLAMA = Pattern.compile("(?:model\\.)?layers\\.(\\d+)\\.(.+)");
    private static final Pattern GPT2 = Pattern.compile("(?:transformer\\.)?h\\.(\\d+)\\.(.+)");

    private HfCheckpoint() {}

    public static LanguageModel load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder; a language model is a folder with config.json and model.safetensors");
        }
        Path configFile = dir.resolve("config.json");
        if (!Files.isRegularFile(configFile)) {
            throw new IOException(dir + ": no config.json");
        }
        LmConfig config = LmConfig.read(configFile);
        Map<String, Tensor> raw = new LinkedHashMap<>();
        for (Path file : weightFiles(dir)) {
            raw.putAll(Safetensors.read(file));
        }
        Map<String, Tensor> weights;
        try {
            weights = config.layout() == Layout.GPT2 ? fromGpt2(config, raw) : fromLlama(raw);
            if (config.tiedEmbeddings()) {
                weights.remove(Names.HEAD); // some tied checkpoints store a copy of the embedding as lm_head
            }
            Path tok = dir.resolve("tokenizer.json");
            LmTokenizer tokenizer = Files.isRegularFile(tok) ? HfTokenizer.load(tok) : new ByteTokenizer();
            if (tokenizer instanceof ByteTokenizer && config.vocab() < 256) {
                throw new IllegalArgumentException("there is no tokenizer.json and the vocabulary (" + config.vocab()
                        + ") is too small for the byte-level fallback (256)");
            }
            return new LanguageModel(config, weights, tokenizer, Files.isRegularFile(tok) ? tok : null);
        } catch (IllegalArgumentException e) {
            throw new IOException(dir + ": " + e.getMessage(), e);
        }
    }

    /** The safetensors files of a checkpoint folder: model.safetensors, the shards of its index, or every *.safetensors. */
    public static List<Path> weightFiles(Path dir) throws IOException {
        Path single = dir.resolve("model.safetensors");
        if (Files.isRegularFile(single)) {
            return List.of(single);
        }
        Path index = dir.resolve("model.safetensors.index.json");
        if (Files.isRegularFile(index)) {
            JsonObject map;
            try {
                map = JsonParser.parseString(Files.readString(index)).getAsJsonObject().getAsJsonObject("weight_map");
            } catch (RuntimeException e) {
                throw new IOException(index + ": not a safetensors index (" + e.getMessage() + ")");
            }
            if (map == null) {
                throw new IOException(index + ": has no weight_map");
            }
            Set<String> shards = new LinkedHashSet<>();
            for (Map.Entry<String, JsonElement> e : map.entrySet()) {
                shards.add(e.getValue().getAsString());
            }
            List<Path> files = new ArrayList<>();
            for (String s : shards) {
                Path p = dir.resolve(s).normalize();
                if (!p.startsWith(dir.normalize()) || !Files.isRegularFile(p)) {
                    throw new IOException(index + ": shard '" + s + "' is missing");
                }
                files.add(p);
            }
            return files;
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> any = s.filter(p -> p.getFileName().toString().endsWith(".safetensors")).sorted().toList();
            if (any.isEmpty()) {
                throw new IOException(dir + ": no model.safetensors (or model.safetensors.index.json)");
            }
            return any;
        }
    }

    /** Hugging Face Llama names ({@code model.layers.N.self_attn.q_proj.weight}, ...) to the engine's {@link Names}. */
    public static Map<String, Tensor> fromLlama(Map<String, Tensor> raw) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : raw.entrySet()) {
            String n = e.getKey();
            Matcher m = LLAMA.matcher(n);
            String mapped;
            if (m.matches()) {
                String rest = m.group(2);
                if (rest.endsWith("rotary_emb.inv_freq")) {
                    continue;
                }
                String part = switch (rest) {
                    case "input_layernorm.weight" -> "attn_norm.w";
                    case "post_attention_layernorm.weight" -> "mlp_norm.w";
                    case "self_attn.q_proj.weight" -> "q.w";
                    case "self_attn.k_proj.weight" -> "k.w";
                    case "self_attn.v_proj.weight" -> "v.w";
                    case "self_attn.o_proj.weight" -> "o.w";
                    case "mlp.gate_proj.weight" -> "gate.w";
                    case "mlp.up_proj.weight" -> "up.w";
                    case "mlp.down_proj.weight" -> "down.w";
                    default -> throw new IllegalArgumentException("unknown tensor '" + n + "' in a llama checkpoint");
                };
                mapped = Names.layer(Integer.parseInt(m.group(1)), part);
            } else {
                mapped = switch (n) {
                    case "model.embed_tokens.weight", "embed_tokens.weight" -> Names.EMBED;
                    case "model.norm.weight", "norm.weight" -> Names.w(Names.NORM);
                    case "lm_head.weight" -> Names.HEAD;
                    default -> throw new IllegalArgumentException("unknown tensor '" + n + "' in a llama checkpoint");
                };
            }
            out.put(mapped, e.getValue());
        }
        return out;
    }

    private static Map<String, Tensor> fromGpt2(LmConfig c, Map<String, Tensor> raw) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        int q = c.heads() * c.headDim();
        int kv = c.kvHeads() * c.headDim();
        for (Map.Entry<String, Tensor> e : raw.entrySet()) {
            String n = e.getKey();
            Tensor t = e.getValue();
            Matcher m = GPT2.matcher(n);
            if (m.matches()) {
                int l = Integer.parseInt(m.group(1));
                switch (m.group(2)) {
                    case "ln_1.weight" -> out.put(Names.w(Names.layer(l, "attn_norm")), t);
                    case "ln_1.bias" -> out.put(Names.b(Names.layer(l, "attn_norm")), t);
                    case "ln_2.weight" -> out.put(Names.w(Names.layer(l, "mlp_norm")), t);
                    case "ln_2.bias" -> out.put(Names.b(Names.layer(l, "mlp_norm")), t);
                    case "attn.c_attn.weight" -> {
                        Tensor all = Mats.transpose(t);
                        out.put(Names.w(Names.layer(l, "q")), Mats.rows(all, 0, q));
                        out.put(Names.w(Names.layer(l, "k")), Mats.rows(all, q, q + kv));
                        out.put(Names.w(Names.layer(l, "v")), Mats.rows(all, q + kv, q + 2 * kv));
                    }
                    case "attn.c_attn.bias" -> {
                        out.put(Names.b(Names.layer(l, "q")), Mats.slice(t, 0, q));
                        out.put(Names.b(Names.layer(l, "k")), Mats.slice(t, q, q + kv));
                        out.put(Names.b(Names.layer(l, "v")), Mats.slice(t, q + kv, q + 2 * kv));
                    }
                    case "attn.c_proj.weight" -> out.put(Names.w(Names.layer(l, "o")), Mats.transpose(t));
                    case "attn.c_proj.bias" -> out.put(Names.b(Names.layer(l, "o")), t);
                    case "mlp.c_fc.weight" -> out.put(Names.w(Names.layer(l, "up")), Mats.transpose(t));
                    case "mlp.c_fc.bias" -> out.put(Names.b(Names.layer(l, "up")), t);
                    case "mlp.c_proj.weight" -> out.put(Names.w(Names.layer(l, "down")), Mats.transpose(t));
                    case "mlp.c_proj.bias" -> out.put(Names.b(Names.layer(l, "down")), t);
                    case "attn.bias", "attn.masked_bias" -> { } // causal-mask buffers, not weights
                    default -> throw new IllegalArgumentException("unknown tensor '" + n + "' in a gpt2 checkpoint");
                }
                continue;
            }
            String s = n.startsWith("transformer.") ? n.substring("transformer.".length()) : n;
            switch (s) {
                case "wte.weight" -> out.put(Names.EMBED, t);
                case "wpe.weight" -> out.put(Names.POS, t);
                case "ln_f.weight" -> out.put(Names.w(Names.NORM), t);
                case "ln_f.bias" -> out.put(Names.b(Names.NORM), t);
                case "lm_head.weight" -> { } // tied to wte in GPT-2
                default -> throw new IllegalArgumentException("unknown tensor '" + n + "' in a gpt2 checkpoint");
            }
        }
        return out;
    }

    /** Hugging Face names and layouts for a model's tensors. */
    public static Map<String, Tensor> toHf(LanguageModel model) {
        LmConfig c = model.config();
        Map<String, Tensor> w = model.weights();
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (c.layout() == Layout.LLAMA) {
            out.put("model.embed_tokens.weight", w.get(Names.EMBED));
            for (int l = 0; l < c.layers(); l++) {
                String p = "model.layers." + l + ".";
                out.put(p + "input_layernorm.weight", w.get(Names.w(Names.layer(l, "attn_norm"))));
                for (String x : new String[] {"q", "k", "v", "o"}) {
                    out.put(p + "self_attn." + x + "_proj.weight", w.get(Names.w(Names.layer(l, x))));
                }
                out.put(p + "post_attention_layernorm.weight", w.get(Names.w(Names.layer(l, "mlp_norm"))));
                for (String x : new String[] {"gate", "up", "down"}) {
                    out.put(p + "mlp." + x + "_proj.weight", w.get(Names.w(Names.layer(l, x))));
                }
            }
            out.put("model.norm.weight", w.get(Names.w(Names.NORM)));
            if (!c.tiedEmbeddings()) {
                out.put("lm_head.weight", w.get(Names.HEAD));
            }
            return out;
        }
        out.put("wte.weight", w.get(Names.EMBED));
        out.put("wpe.weight", w.get(Names.POS));
        for (int l = 0; l < c.layers(); l++) {
            String p = "h." + l + ".";
            out.put(p + "ln_1.weight", w.get(Names.w(Names.layer(l, "attn_norm"))));
            out.put(p + "ln_1.bias", w.get(Names.b(Names.layer(l, "attn_norm"))));
            out.put(p + "attn.c_attn.weight", Mats.transpose(Mats.stackRows(w.get(Names.w(Names.layer(l, "q"))),
                    w.get(Names.w(Names.layer(l, "k"))), w.get(Names.w(Names.layer(l, "v"))))));
            out.put(p + "attn.c_attn.bias", Mats.concat(w.get(Names.b(Names.layer(l, "q"))),
                    w.get(Names.b(Names.layer(l, "k"))), w.get(Names.b(Names.layer(l, "v")))));
            out.put(p + "attn.c_proj.weight", Mats.transpose(w.get(Names.w(Names.layer(l, "o")))));
            out.put(p + "attn.c_proj.bias", w.get(Names.b(Names.layer(l, "o"))));
            out.put(p + "ln_2.weight", w.get(Names.w(Names.layer(l, "mlp_norm"))));
            out.put(p + "ln_2.bias", w.get(Names.b(Names.layer(l, "mlp_norm"))));
            out.put(p + "mlp.c_fc.weight", Mats.transpose(w.get(Names.w(Names.layer(l, "up")))));
            out.put(p + "mlp.c_fc.bias", w.get(Names.b(Names.layer(l, "up"))));
            out.put(p + "mlp.c_proj.weight", Mats.transpose(w.get(Names.w(Names.layer(l, "down")))));
            out.put(p + "mlp.c_proj.bias", w.get(Names.b(Names.layer(l, "down"))));
        }
        out.put("ln_f.weight", w.get(Names.w(Names.NORM)));
        out.put("ln_f.bias", w.get(Names.b(Names.NORM)));
        return out;
    }

    /** Writes the folder; {@code dtype} is F32, F16 or BF16. */
    public static void save(LanguageModel model, Path dir, String dtype) throws IOException {
        Files.createDirectories(dir);
        JsonObject config = model.config().toJson();
        config.addProperty("torch_dtype", switch (dtype) {
            case "F16" -> "float16";
            case "BF16" -> "bfloat16";
            default -> "float32";
        });
        config.addProperty("tokenizer", model.tokenizer().kind());
        Files.writeString(dir.resolve("config.json"), new GsonBuilder().setPrettyPrinting().create().toJson(config) + "\n");
        LmSafetensors.write(dir.resolve("model.safetensors"), toHf(model), dtype);
        Path tok = model.tokenizerFile();
        if (tok != null && !tok.toAbsolutePath().normalize().equals(dir.resolve("tokenizer.json").toAbsolutePath().normalize())) {
            Files.copy(tok, dir.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
