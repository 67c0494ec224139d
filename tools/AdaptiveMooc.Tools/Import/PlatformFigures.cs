using System.Globalization;
using System.Text.Json;

namespace AdaptiveMooc.Tools.Import;

/// <summary>The course figures the platform's analytics give at the end of the presentation.</summary>
internal sealed record PlatformFigures(int Enrolled, int Withdrawn, int Completed, double CompletionRate, int Active7d)
{
    public static async Task<PlatformFigures> ReadAsync(PlatformApi api, string courseId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var at = Uri.EscapeDataString(asOf.ToString("O", CultureInfo.InvariantCulture));
        using var document = (await api.GetAsync($"/api/courses/{courseId}/analytics?asOf={at}", cancellationToken)).Expect("GET analytics").Document();
        var root = document.RootElement;
        int Int(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
        return new PlatformFigures(
            Int("enrolled"), Int("withdrawn"), Int("completed"),
            root.TryGetProperty("completionRate", out var rate) && rate.ValueKind == JsonValueKind.Number ? rate.GetDouble() : 0,
            Int("active7d"));
    }
}
