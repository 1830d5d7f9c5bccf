package dev.mlops.tribuo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.io.FlatMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.ListMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.MapMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.ObjectMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.SimpleMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.mlops.api.registry.Attachment;
import dev.mlops.api.registry.RegistryNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.TreeMap;

/**
 * Stores Tribuo models in a model registry with Tribuo's protobuf format ({@link Model#serialize()}),
 * never Java serialization. Registering records the model's {@code ModelProvenance} as JSON
 * metadata ({@value #PROVENANCE_KEY}) and the training data's {@code resource-hash} as lineage;
 * loading returns a typed model and fails clearly when the stored model predicts another output
 * type. When the model can be exported to ONNX ({@link ONNXExportable}, such as a logistic
 * regression), the export is stored alongside as the attachment {@value #ONNX_ATTACHMENT} (type
 * {@value #ONNX_TYPE}), read back with {@code registry.loadAttachment(ref, "onnx")}; if the export
 * fails, the model is registered without it and the failure is recorded as metadata
 * {@value #ONNX_EXPORT_KEY}.
 *
 * <pre>{@code
 * TribuoCodec<Label> codec = TribuoCodec.classification();
 * ModelVersion v = registry.register("churn", model, codec, Registration.none());
 * Model<Label> back = registry.load(v.ref(), codec);
 * byte[] onnx = registry.loadAttachment(v.ref(), TribuoCodec.ONNX_ATTACHMENT); // if exportable
 * }</pre>
 *
 * <p>Tribuo decodes a model by instantiating the classes named inside the bytes: the model's, and
 * the {@code class_name} of every nested serialized object (an ensemble's models, the feature and
 * output domains). Loading therefore checks each of those class names, matched as whole
 * {@code class_name} fields and never as text (a feature may be called anything): by default the
 * model class and every nested one must lie under {@code org.tribuo.} outside the LibLinear
 * packages, whose Tribuo 4.3 decoders fall back to Java deserialization; {@link #allowingModelClasses}
 * changes the rule. The registry only hands a codec bytes whose SHA-256 verified. Passing anything
 * but a Tribuo {@link Model} (possible through raw types) fails with an
 * {@link IllegalArgumentException} naming its class.
 *
 * @param <T> the model's output type
 */
public final class TribuoCodec<T extends Output<T>> extends ModelCheckingCodec<Model<T>> {
  /** The type id recorded with every Tribuo model version. */
  public static final String TYPE_ID = "tribuo-model";
  /** Metadata key of the model's provenance, as JSON. */
  public static final String PROVENANCE_KEY = "tribuo.provenance";
  /** Metadata key of the model's class. */
  public static final String MODEL_CLASS_KEY = "tribuo.modelClass";
  /** Metadata key of the model's output type. */
  public static final String OUTPUT_TYPE_KEY = "tribuo.outputType";
  /** Name of the attachment holding the model's ONNX export, for models that support it. */
  public static final String ONNX_ATTACHMENT = "onnx";
  /** Type of the ONNX attachment. */
  public static final String ONNX_TYPE = "onnx";
  /** Metadata key recording why the ONNX export of an exportable model failed (absent when it worked). */
  public static final String ONNX_EXPORT_KEY = "onnx.export";
  /** The ONNX domain written into exports. */
  public static final String ONNX_DOMAIN = "dev.mlops";
  /** The ONNX model version written into exports. */
  public static final long ONNX_MODEL_VERSION = 1;
  private static final int FAILURE_MESSAGE_LIMIT = 2000;

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A fully qualified Java class name. */
  private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+");
  /** How deep {@link #classNames} looks into nested messages (Tribuo nests a few levels). */
  private static final int MAX_NESTING = 32;
  /** Packages whose Tribuo 4.3 decoders fall back to Java deserialization. */
  private static final List<String> JAVA_SERIALIZING_DECODERS = List.of("org.tribuo.classification.liblinear.",
      "org.tribuo.regression.liblinear.", "org.tribuo.common.liblinear.");

  private final Class<T> outputType;
  private final Predicate<String> allowedClasses;
  /**
   * The export {@link #attachments} made last, handed to the {@link #metadata} call that follows it
   * in a registration (and then dropped), so one registration exports once; keyed by model
   * identity, holding the model weakly.
   */
  private volatile OnnxExport lastExport;

  /** The outcome of exporting one model: the bytes, or why it failed. */
  private record OnnxExport(WeakReference<Model<?>> model, byte[] bytes, String failure) {}

  private TribuoCodec(Class<T> outputType, Predicate<String> allowedClasses) {
    this.outputType = outputType;
    this.allowedClasses = allowedClasses;
  }

  /** @return a codec for classification models ({@code Model<Label>}) */
  public static TribuoCodec<Label> classification() {
    return of(Label.class);
  }

  /** @return a codec for regression models ({@code Model<Regressor>}) */
  public static TribuoCodec<Regressor> regression() {
    return of(Regressor.class);
  }

  /**
   * A codec for models of any output type.
   *
   * @param outputType the output type, such as {@code Label.class}
   * @param <T> the output type
   * @return the codec
   */
  public static <T extends Output<T>> TribuoCodec<T> of(Class<T> outputType) {
    return new TribuoCodec<>(Objects.requireNonNull(outputType, "outputType"), TribuoCodec::defaultAllowed);
  }

  /**
   * This codec with another rule for which model classes may be decoded. The model's class must
   * pass; a nested class name must pass, or lie under {@code org.tribuo.} outside the LibLinear
   * packages.
   *
   * @param allowed whether a fully qualified model class name may be decoded
   * @return the new codec
   */
  public TribuoCodec<T> allowingModelClasses(Predicate<String> allowed) {
    return new TribuoCodec<>(outputType, Objects.requireNonNull(allowed, "allowed"));
  }

  /**
   * The class names Tribuo would load to decode a model: the {@code class_name} of every message
   * shaped like Tribuo's serialized objects ({@code int32 version = 1; string class_name = 2;
   * google.protobuf.Any serialized_data = 3}) at any depth below the top one, such as the models
   * of an ensemble and the feature and output domains. Matching whole class-name fields, not text,
   * keeps a feature named {@code "org.tribuo.common.liblinear.x"} from being taken for a class.
   */
  private static List<String> classNames(ModelProto proto) {
    List<String> out = new ArrayList<>();
    collectClassNames(proto.getSerializedData().getValue(), 0, out);
    return out;
  }

  private static void collectClassNames(ByteString bytes, int depth, List<String> out) {
    if (depth > MAX_NESTING || bytes.isEmpty()) {
      return;
    }
    UnknownFieldSet fields;
    try {
      fields = UnknownFieldSet.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      return;   // not a message: text, packed numbers or opaque bytes
    }
    Map<Integer, UnknownFieldSet.Field> all = fields.asMap();
    UnknownFieldSet.Field name = all.get(2);
    UnknownFieldSet.Field data = all.get(3);
    UnknownFieldSet.Field version = all.get(1);
    if (name != null && data != null && all.keySet().stream().allMatch(k -> k >= 1 && k <= 3)
        && (version == null || version.getLengthDelimitedList().isEmpty())
        && name.getLengthDelimitedList().size() == 1 && data.getLengthDelimitedList().size() == 1) {
      String candidate = name.getLengthDelimitedList().get(0).toStringUtf8();
      if (CLASS_NAME.matcher(candidate).matches()) {
        out.add(candidate);
      }
    }
    for (UnknownFieldSet.Field f : all.values()) {
      for (ByteString nested : f.getLengthDelimitedList()) {
        collectClassNames(nested, depth + 1, out);
      }
    }
  }

  private static boolean defaultAllowed(String className) {
    return className.startsWith("org.tribuo.") && JAVA_SERIALIZING_DECODERS.stream().noneMatch(className::startsWith);
  }

  @Override
  public String typeId() {
    return TYPE_ID;
  }

  @Override
  Model<T> requireModel(Object artifact) {
    Objects.requireNonNull(artifact, "model");
    if (!(artifact instanceof Model<?> model)) {
      throw new IllegalArgumentException("a TribuoCodec stores org.tribuo.Model instances, not "
          + artifact.getClass().getName() + " (was the codec used through raw types?)");
    }
    @SuppressWarnings("unchecked")   // the output type is checked where it matters: write() validates it
    Model<T> typed = (Model<T>) model;
    return typed;
  }

  @Override
  void writeModel(Model<T> model, OutputStream out) throws IOException {
    if (!model.validate(outputType)) {
      throw new IllegalArgumentException("this codec stores models of " + outputType.getName() + " but the model "
          + model.getClass().getName() + " predicts " + outputTypeOf(model));
    }
    model.serialize().writeTo(out);
  }

  @Override
  public Model<T> read(InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    ModelProto proto;
    try {
      proto = ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException("not a Tribuo protobuf model (ModelProto): " + e.getMessage(), e);
    }
    String className = proto.getClassName();
    if (className.isEmpty()) {
      throw new IOException("not a Tribuo protobuf model: it names no model class");
    }
    if (!allowedClasses.test(className)) {
      throw new IOException("refusing to decode Tribuo model class " + className
          + ": it is not allowed by this codec (default: org.tribuo.* except decoders that use Java serialization)");
    }
    for (String nested : classNames(proto)) {
      boolean javaSerializing = JAVA_SERIALIZING_DECODERS.stream().anyMatch(nested::startsWith);
      boolean allowed = allowedClasses.test(nested) || nested.startsWith("org.tribuo.") && !javaSerializing;
      if (!allowed) {
        throw new IOException("refusing to decode Tribuo model " + className + ": it names the class " + nested
            + (javaSerializing ? ", whose decoder uses Java serialization" : ", which is not allowed by this codec"));
      }
    }
    Model<?> model;
    try {
      model = Model.deserialize(proto);
    } catch (RuntimeException e) {
      throw new IOException("cannot decode Tribuo model " + className + ": " + e.getMessage(), e);
    }
    if (!model.validate(outputType)) {
      throw new IllegalArgumentException("the stored Tribuo model " + className + " predicts " + outputTypeOf(model)
          + ", not " + outputType.getName() + "; read it with TribuoCodec.of(" + outputTypeOf(model) + ".class)");
    }
    return model.castModel(outputType);
  }

  @Override
  Map<String, String> modelMetadata(Model<T> model) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(MODEL_CLASS_KEY, model.getClass().getName());
    out.put(OUTPUT_TYPE_KEY, outputType.getName());
    String provenance = provenanceJson(model);
    if (provenance.length() <= RegistryNames.MAX_METADATA_VALUE_LENGTH) {
      out.put(PROVENANCE_KEY, provenance);
    }
    OnnxExport export = takeExport(model);
    if (export != null && export.failure() != null) {
      out.put(ONNX_EXPORT_KEY, export.failure());
    }
    return out;
  }

  /**
   * The model's ONNX export as attachment {@value #ONNX_ATTACHMENT} when the model implements
   * {@link ONNXExportable} and the export succeeds; otherwise none (a failure is recorded by
   * {@link #metadata} under {@value #ONNX_EXPORT_KEY}).
   *
   * @param model the model
   * @return the attachments
   */
  @Override
  Map<String, Attachment> modelAttachments(Model<T> model) {
    OnnxExport export = onnx(model);
    lastExport = export;
    return export == null || export.bytes() == null ? Map.of()
        : Map.of(ONNX_ATTACHMENT, new Attachment(ONNX_TYPE, export.bytes()));
  }

  /** The export {@link #attachments} just made for this model, or a new one. */
  private OnnxExport takeExport(Model<T> model) {
    OnnxExport last = lastExport;
    if (last != null && last.model().get() == model) {
      lastExport = null;
      return last;
    }
    return onnx(model);
  }

  /**
   * Exports a model to ONNX.
   *
   * @return null if the model is not exportable
   */
  private static OnnxExport onnx(Model<?> model) {
    Objects.requireNonNull(model, "model");
    if (!(model instanceof ONNXExportable exportable)) {
      return null;
    }
    try {
      return new OnnxExport(new WeakReference<>(model),
          exportable.exportONNXModel(ONNX_DOMAIN, ONNX_MODEL_VERSION).toByteArray(), null);
    } catch (RuntimeException | LinkageError e) {
      return new OnnxExport(new WeakReference<>(model), null, failureMessage(model, e));
    }
  }

  private static String failureMessage(Model<?> model, Throwable e) {
    String text = "ONNX export of " + model.getClass().getName() + " failed: " + e.getClass().getName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage());
    StringBuilder sb = new StringBuilder(Math.min(text.length(), FAILURE_MESSAGE_LIMIT));
    for (int i = 0; i < text.length() && i < FAILURE_MESSAGE_LIMIT; i++) {
      char c = text.charAt(i);
      sb.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c);
    }
    return sb.toString();
  }

  @Override
  Optional<String> modelTrainingData(Model<T> model) {
    for (ObjectMarshalledProvenance o : ProvenanceUtil.marshalProvenance(model.getProvenance().getDatasetProvenance())) {
      for (Map.Entry<String, FlatMarshalledProvenance> e : o.getMap().entrySet()) {
        if (e.getKey().equals("resource-hash") && e.getValue() instanceof SimpleMarshalledProvenance s
            && !s.getValue().isEmpty()) {
          return Optional.of(s.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Renders a model's provenance as JSON: the list of OLCUT's marshalled provenance objects, each
   * with its name, classes and map of values.
   *
   * @param model the model
   * @return the JSON text
   */
  public static String provenanceJson(Model<?> model) {
    ArrayNode root = JsonNodeFactory.instance.arrayNode();
    for (ObjectMarshalledProvenance o : ProvenanceUtil.marshalProvenance(model.getProvenance())) {
      ObjectNode n = root.addObject();
      n.put("name", o.getName());
      n.put("objectClassName", o.getObjectClassName());
      n.put("provenanceClassName", o.getProvenanceClassName());
      ObjectNode map = n.putObject("map");
      new TreeMap<>(o.getMap()).forEach((k, v) -> map.set(k, flat(v)));
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render provenance as JSON", e);
    }
  }

  private static JsonNode flat(FlatMarshalledProvenance p) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (p instanceof SimpleMarshalledProvenance s) {
      ObjectNode n = f.objectNode();
      n.put("key", s.getKey());
      n.put("value", s.getValue());
      n.put("provenanceClassName", s.getProvenanceClassName());
      n.put("additional", s.getAdditional());
      n.put("isReference", s.isReference());
      return n;
    }
    if (p instanceof ListMarshalledProvenance l) {
      ArrayNode a = f.arrayNode();
      for (FlatMarshalledProvenance x : l) {
        a.add(flat(x));
      }
      return a;
    }
    if (p instanceof MapMarshalledProvenance m) {
      ObjectNode n = f.objectNode();
      for (Pair<String, FlatMarshalledProvenance> e : m) {
        n.set(e.getA(), flat(e.getB()));
      }
      return n;
    }
    return f.textNode(String.valueOf(p));
  }

  private static String outputTypeOf(Model<?> model) {
    var domain = model.getOutputIDInfo().getDomain();
    if (domain.isEmpty()) {
      return "an unknown output type (empty domain)";
    }
    Class<?> c = domain.iterator().next().getClass();
    while (c.getSuperclass() != null && Output.class.isAssignableFrom(c.getSuperclass())) {
      c = c.getSuperclass(); // Regressor.DimensionTuple -> Regressor
    }
    return c.getName();
  }

  @Override
  public String toString() {
    return "TribuoCodec[" + outputType.getSimpleName() + "]";
  }
}
