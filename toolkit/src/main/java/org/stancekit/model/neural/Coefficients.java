package org.stancekit.model.neural;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a CNN's or BiLSTM's weights straight from its DL4J {@code network.zip}, without ND4J, so that scoring with
 * such a bundle never starts ND4J's native library (about a second of start-up, and a machine it cannot run on still scores).
 *
 * <p>{@code coefficients.bin} is ND4J's binary form of the network's flattened parameter vector: a shape-information
 * buffer, then a data buffer (each: allocation-mode string, length, data-type string, big-endian values). Where each
 * parameter lies in that vector, and in which element order, is DL4J's business; so when a bundle is saved (with
 * DL4J at hand) {@link #layout} records it in {@code model.json}, and {@link #verify} checks that reading the saved
 * vector through that layout gives exactly the arrays DL4J itself reports. A bundle without a layout, or whose
 * vector cannot be read this way, is loaded through DL4J as before.
 */
final class Coefficients {
    private static final String ENTRY = "coefficients.bin";
    /** Layout key: per network, DL4J's output on {@link Forward#probes} when the bundle was saved. */
    static final String PROBE_OUTPUTS = "probe_outputs";
    private Coefficients() {}

    /**
     * Where each parameter lies in {@code net}'s flattened parameters: DL4J flattens the
     * layers in topological order, each layer's parameters in its parameter table's order, each array in its own
     * element order ('c' or 'f'). Recorded as {@code {"embedding/W": {"offset", "shape", "order"}, ...}} plus the
     * vector's {@code length}.
     */
    static Map<String, Object> layout(ComputationGraph net) {
        Map<String, Object> out = new LinkedHashMap<>();
        long offset = 0;
        GraphVertex[] vertices = net.getVertices();
        for (int v : net.topologicalSortOrder()) {
            GraphVertex vertex = vertices[v];
            if (!vertex.hasLayer()) continue;
            for (Map.Entry<String, INDArray> e : vertex.getLayer().paramTable().entrySet()) {
                String name = vertex.getVertexName() + "/" + e.getKey();
                INDArray p = e.getValue();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("offset", offset);
                m.put("shape", p.shape());
                m.put("order", String.valueOf(p.ordering()));
                out.put(name, m);
                offset += p.length();
            }
        }
        out.put("length", offset);
        return out;
    }

    /** The recorded DL4J output on the probes for network {@code i}, or null when absent or malformed. */
    static double[][] probeOutputs(JsonNode layout, int i) {
        JsonNode net = layout.path(PROBE_OUTPUTS).path(i);
        if (!net.isArray() || net.isEmpty()) return null;
        double[][] out = new double[net.size()][];
        for (int b = 0; b < out.length; b++) {
            JsonNode row = net.get(b);
            if (!row.isArray()) return null;
            out[b] = new double[row.size()];
            for (int j = 0; j < out[b].length; j++) out[b][j] = row.get(j).asDouble(Double.NaN);
        }
        return out;
    }

    /** True when {@code layout} read over {@code net}'s own flattened parameters gives exactly DL4J's arrays. */
    static boolean verify(ComputationGraph net, NeuralClassifier.Spec spec, JsonNode layout) {
        try {
            float[] flat = net.params().castTo(DataType.FLOAT).dup('c').data().asFloat();
            if (CnnForward.knows(spec)) return weights(flat, layout, spec).sameAs(CnnForward.weightsOf(net, spec));
            if (LstmForward.knows(spec)) {
                return lstmWeights(flat, layout, spec).sameAs(LstmForward.weightsOf(net, spec));
            }
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The plain-Java pass for a network whose flattened parameters are {@code flat} (CNN or BiLSTM). */
    static Forward forward(float[] flat, JsonNode layout, NeuralClassifier.Spec spec) {
        if (CnnForward.knows(spec)) return CnnForward.of(weights(flat, layout, spec), spec);
        if (LstmForward.knows(spec)) return LstmForward.of(lstmWeights(flat, layout, spec), spec);
        throw new IllegalArgumentException("no plain-Java pass for " + spec);
    }

    /** The output bias's length (DL4J reports it as [k] or [1, k]). */
    private static int classes(JsonNode layout) {
        JsonNode shape = layout.path("output/b").path("shape");
        return (int) shape.path(shape.size() - 1).asLong(-1);
    }

    private static void checkLength(float[] flat, JsonNode layout) {
        if (layout.path("length").asLong(-1) != flat.length) {
            throw new IllegalArgumentException("the parameter vector has " + flat.length + " values, the layout says "
                    + layout.path("length").asLong(-1));
        }
    }

    /** The BiLSTM's arrays (row-major, as {@link LstmForward} wants them) cut from the flattened parameters. */
    static LstmForward.Weights lstmWeights(float[] flat, JsonNode layout, NeuralClassifier.Spec spec) {
        checkLength(flat, layout);
        int in = spec.embeddingDim() + spec.positionDim(), n = spec.channels() / 2;
        int classes = classes(layout);
        int pooled = (spec.meanPool() ? 3 : 2) * spec.channels();
        LstmForward.Direction[] dirs = new LstmForward.Direction[2];
        for (int d = 0; d < 2; d++) {
            String p = "encoder/" + (d == 0 ? "f" : "b");
            dirs[d] = new LstmForward.Direction(cut(flat, layout, p + "W", in, 4L * n),
                    cut(flat, layout, p + "RW", n, 4L * n), cut(flat, layout, p + "b", 4L * n));
        }
        return new LstmForward.Weights(
                cut(flat, layout, "embedding/W", spec.vocabularySize(), spec.embeddingDim()),
                cut(flat, layout, "position_embedding/W", spec.positions(), spec.positionDim()),
                dirs[0], dirs[1],
                cut(flat, layout, "output/W", pooled, classes),
                cut(flat, layout, "output/b", classes));
    }

    /** The CNN's arrays (row-major, as {@link CnnForward} wants them) cut from the flattened parameters. */
    static CnnForward.Weights weights(float[] flat, JsonNode layout, NeuralClassifier.Spec spec) {
        checkLength(flat, layout);
        int in = spec.embeddingDim() + spec.positionDim();
        int classes = classes(layout);
        return new CnnForward.Weights(
                cut(flat, layout, "embedding/W", spec.vocabularySize(), spec.embeddingDim()),
                cut(flat, layout, "position_embedding/W", spec.positions(), spec.positionDim()),
                cut(flat, layout, "encoder/W", spec.channels(), in, spec.kernel(), 1),
                cut(flat, layout, "encoder/b", spec.channels()),
                cut(flat, layout, "output/W", 2 * spec.channels(), classes),
                cut(flat, layout, "output/b", classes));
    }

    /** One parameter, checked to have {@code shape}, copied out of {@code flat} in row-major ('c') order. */
    private static float[] cut(float[] flat, JsonNode layout, String name, long... shape) {
        JsonNode p = layout.path(name);
        long offset = p.path("offset").asLong(-1);
        JsonNode s = p.path("shape");
        String order = p.path("order").asText("");
        // DL4J reports vectors as [n] or [1, n]
        long[] actual = new long[s.size()];
        for (int i = 0; i < actual.length; i++) actual[i] = s.get(i).asLong(-1);
        long[] want = shape.length == 1 && actual.length == 2 && actual[0] == 1 ? new long[]{1, shape[0]} : shape;
        if (!java.util.Arrays.equals(actual, want) || !(order.equals("c") || order.equals("f"))) {
            throw new IllegalArgumentException(name + ": layout shape " + java.util.Arrays.toString(actual) + " order '"
                    + order + "', expected " + java.util.Arrays.toString(want));
        }
        long n = 1;
        for (long d : want) n *= d;
        if (offset < 0 || offset + n > flat.length) throw new IllegalArgumentException(name + ": outside the vector");
        float[] out = new float[(int) n];
        if (order.equals("c") || want.length < 2) {
            System.arraycopy(flat, (int) offset, out, 0, out.length);
            return out;
        }
        // 'f' (column-major): element (i0, i1, ...) sits at i0 + d0 * (i1 + d1 * (...)); walk the output in 'c' order
        int rank = want.length;
        int[] idx = new int[rank];
        long[] fStride = new long[rank];
        fStride[0] = 1;
        for (int d = 1; d < rank; d++) fStride[d] = fStride[d - 1] * want[d - 1];
        for (int k = 0; k < out.length; k++) {
            long src = 0;
            for (int d = 0; d < rank; d++) src += idx[d] * fStride[d];
            out[k] = flat[(int) (offset + src)];
            for (int d = rank - 1; d >= 0; d--) {
                if (++idx[d] < want[d]) break;
                idx[d] = 0;
            }
        }
        return out;
    }

    /**
     * The flattened parameters stored in a network zip's {@code coefficients.bin}, read without ND4J. Throws
     * {@link IOException} when the entry is not a single-row FLOAT vector in the format described above.
     */
    static float[] read(Path zipFile) throws IOException {
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            ZipEntry entry = zip.getEntry(ENTRY);
            if (entry == null) throw new IOException("no " + ENTRY);
            try (InputStream in = zip.getInputStream(entry)) {
                return parse(in.readAllBytes());
            }
        }
    }

    static float[] parse(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        in.readUTF(); // allocation mode
        long shapeLength = in.readLong();
        if (!in.readUTF().equals("LONG") || shapeLength < 4 || shapeLength > 64) {
            throw new IOException("unexpected shape information");
        }
        long[] shapeInfo = new long[(int) shapeLength];
        for (int i = 0; i < shapeInfo.length; i++) shapeInfo[i] = in.readLong();
        long rank = shapeInfo[0];
        // a vector [n] or a row [1, n]
        if (2 * rank + 4 != shapeLength || !(rank == 1 || (rank == 2 && shapeInfo[1] == 1))) {
            throw new IOException("expected a parameter vector, shape information "
                    + java.util.Arrays.toString(shapeInfo));
        }
        long n = shapeInfo[(int) rank];
        in.readUTF(); // allocation mode
        long length = in.readLong();
        String type = in.readUTF();
        if (length != n || !type.equals("FLOAT")) throw new IOException("expected " + n + " FLOAT values, found "
                + length + " " + type);
        int start = bytes.length - in.available();
        if ((long) bytes.length - start != 4 * n) throw new IOException("expected " + 4 * n + " bytes of values");
        float[] out = new float[(int) n];
        ByteBuffer.wrap(bytes, start, 4 * (int) n).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
