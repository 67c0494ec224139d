using System.Globalization;
using AdaptiveMooc.Web.Api;

namespace AdaptiveMooc.Web;

/// <summary>A quiz's assessment settings as the bank editor holds them: text fields, parsed on save.</summary>
public sealed class AssessmentForm
{
    /// <summary>Comma-separated item ids.</summary>
    public string ItemIds { get; set; } = "";

    /// <summary>Comma-separated <c>skill:count</c>.</summary>
    public string Pools { get; set; } = "";

    public string TimeLimit { get; set; } = "";

    public string MaxAttempts { get; set; } = "";

    public string PassScore { get; set; } = "0.6";

    public ApiException? Problem { get; set; }

    public bool Saved { get; set; }

    public static AssessmentForm From(AssessmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new AssessmentForm
        {
            ItemIds = string.Join(", ", settings.ItemIds ?? []),
            Pools = string.Join(", ", (settings.Pools ?? []).Select(p => $"{p.Skill}:{p.Count}")),
            TimeLimit = settings.TimeLimitMinutes?.ToString(CultureInfo.InvariantCulture) ?? "",
            MaxAttempts = settings.MaxAttempts?.ToString(CultureInfo.InvariantCulture) ?? "",
            PassScore = settings.PassScore.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The API body; a count or number that does not parse is sent as 0 so the API names the field.</summary>
    public AssessmentBody ToBody()
    {
        var ids = ItemIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var pools = Pools.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split(':', 2, StringSplitOptions.TrimEntries))
            .Select(p => new SkillPool(p[0], p.Length == 2 && int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0))
            .ToList();
        return new AssessmentBody(
            ids.Length > 0 ? ids : null,
            pools.Count > 0 ? pools : null,
            Int(TimeLimit),
            Int(MaxAttempts),
            string.IsNullOrWhiteSpace(PassScore) ? null
                : double.TryParse(PassScore.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var pass) ? pass : -1);
    }

    private static int? Int(string text) =>
        string.IsNullOrWhiteSpace(text) ? null : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
