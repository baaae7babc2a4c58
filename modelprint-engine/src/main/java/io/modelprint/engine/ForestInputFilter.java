package io.modelprint.engine;

import java.io.ObjectInputFilter;
import java.util.Set;

/**
 * What a random-forest file may make the JVM build while it is read (Java serialization runs code
 * chosen by whoever wrote the file, and a suspect's file is written by the other side): only the
 * Smile classes a forest consists of and the few JDK types they use; at most 16 hash maps (a forest
 * has one or two; nested hash maps are the classic CPU bomb); nesting at most 64 deep; and arrays
 * whose lengths add up to no more elements than the file has bytes, since every element of a real
 * array is in the file (a 35-byte file declaring a 2-billion-element array is refused before it is
 * allocated).
 */
final class ForestInputFilter implements ObjectInputFilter {
    private static final Set<String> ALLOWED = Set.of(
            "smile.classification.RandomForest", "smile.classification.RandomForest$Model", "smile.classification.DecisionTree",
            "smile.base.cart.CART", "smile.base.cart.DecisionNode", "smile.base.cart.InternalNode", "smile.base.cart.LeafNode",
            "smile.base.cart.OrdinalNode", "smile.base.cart.NominalNode", "smile.base.cart.SplitRule",
            "smile.data.formula.Formula", "smile.data.formula.Variable", "smile.data.formula.Term",
            "smile.data.type.StructType", "smile.data.type.StructField", "smile.data.type.DoubleType",
            "smile.data.type.IntegerType", "smile.data.type.FloatType", "smile.data.type.DataType",
            "smile.data.measure.NominalScale", "smile.data.measure.CategoricalMeasure", "smile.data.measure.Measure",
            "smile.util.IntSet", "smile.validation.ClassificationMetrics",
            "java.lang.Enum", "java.lang.Integer", "java.lang.Number", "java.lang.Double", "java.lang.String",
            "java.util.HashMap", "java.util.Map$Entry");
    private static final long MAX_DEPTH = 64;
    private static final long MAX_REFERENCES = 20_000_000;
    private static final int MAX_MAPS = 16;

    private final long fileBytes;
    private long arrayElements;
    private int maps;

    ForestInputFilter(long fileBytes) {
        this.fileBytes = fileBytes;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES) {
            return Status.REJECTED;
        }
        if (info.arrayLength() >= 0) {
            arrayElements += info.arrayLength();
            if (arrayElements > fileBytes) {
                return Status.REJECTED;
            }
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive()) {
            return type == double.class || type == int.class ? Status.ALLOWED : Status.REJECTED;
        }
        if (!ALLOWED.contains(type.getName())) {
            return Status.REJECTED;
        }
        if (type == java.util.HashMap.class && !info.serialClass().isArray() && ++maps > MAX_MAPS) {
            return Status.REJECTED;
        }
        return Status.ALLOWED;
    }
}
