using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaptiveMooc.ML.Training;

/// <summary>Input row of the tabular models; the vector width is set per model through <see cref="Schema"/>.</summary>
internal sealed class FeatureRow
{
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    public float Target { get; set; }

    public float Weight { get; set; } = 1;

    public static SchemaDefinition Schema(int width)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    public static IDataView Load(MLContext ml, IEnumerable<FeatureRow> rows, int width) =>
        ml.Data.LoadFromEnumerable(rows, Schema(width));
}
