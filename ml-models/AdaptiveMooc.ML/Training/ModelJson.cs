using System.Text.Json;

namespace AdaptiveMooc.ML.Training;

internal static class ModelJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
