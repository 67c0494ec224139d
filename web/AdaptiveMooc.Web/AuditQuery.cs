using System.Globalization;

namespace AdaptiveMooc.Web;

/// <summary>The admin audit page's filter form, as the query of <c>GET /api/audit</c> (the API filters; nothing is filtered here).</summary>
public sealed class AuditQuery
{
    public string? Actor { get; set; }

    /// <summary>Exact, or a prefix ending with a dot (<c>course.</c>).</summary>
    public string? Action { get; set; }

    public string? Target { get; set; }

    /// <summary>From the start of this day (UTC).</summary>
    public DateTime? From { get; set; }

    /// <summary>To the end of this day (UTC).</summary>
    public DateTime? To { get; set; }

    public IReadOnlyList<(string Name, string? Value)> Parameters() =>
    [
        ("actor", Clean(Actor)),
        ("action", Clean(Action)),
        ("target", Clean(Target)),
        ("from", From is { } f ? new DateTimeOffset(f.Date, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture) : null),
        ("to", To is { } t ? new DateTimeOffset(t.Date.AddDays(1), TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture) : null),
    ];

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
