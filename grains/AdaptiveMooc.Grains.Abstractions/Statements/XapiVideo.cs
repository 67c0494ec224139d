using System.Text.Json;

namespace AdaptiveMooc.Grains.Abstractions.Statements;

/// <summary>
/// The xAPI video profile (https://w3id.org/xapi/video) as the platform reads it: <c>played</c>, <c>paused</c>,
/// <c>seeked</c> and <c>interacted</c> are engagement with the lesson (as <c>experienced</c>); the
/// <c>progress</c> result extension (0-1, the share of the video watched) decides completion when the statement
/// carries no <c>result.completion</c>: at least <see cref="CompletionShare"/> completes, a <c>completed</c>
/// with less does not.
/// </summary>
public static class XapiVideo
{
    public const string VerbPrefix = "https://w3id.org/xapi/video/verbs/";
    public const string Played = VerbPrefix + "played";
    public const string Paused = VerbPrefix + "paused";
    public const string Seeked = VerbPrefix + "seeked";
    public const string ExtensionPrefix = "https://w3id.org/xapi/video/extensions/";
    public const string ProgressExtension = ExtensionPrefix + "progress";
    public const string PlayedSegmentsExtension = ExtensionPrefix + "played-segments";
    public const string TimeExtension = ExtensionPrefix + "time";
    public const string LengthExtension = ExtensionPrefix + "length";

    /// <summary>Share of a video watched from which the lesson counts as completed.</summary>
    public const double CompletionShare = 0.9;

    public static bool IsEngagement(string verbIri) =>
        verbIri is Played or Paused or Seeked || verbIri == "http://adlnet.gov/expapi/verbs/interacted";

    /// <summary>The progress extension of a <c>result</c> object, when it carries one as a number (NaN for any other JSON value).</summary>
    public static double? Progress(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object
            || !result.TryGetProperty("extensions", out var extensions) || extensions.ValueKind != JsonValueKind.Object
            || !extensions.TryGetProperty(ProgressExtension, out var progress))
        {
            return null;
        }

        return progress.ValueKind == JsonValueKind.Number ? progress.GetDouble() : double.NaN;
    }

    /// <summary>The completion a watched share implies: true from <see cref="CompletionShare"/>; false below it for a <c>completed</c> statement; otherwise none.</summary>
    public static bool? CompletionOf(string verbIri, double progress) =>
        progress >= CompletionShare ? true
        : verbIri == XapiVerbs.Completed ? false
        : null;
}
