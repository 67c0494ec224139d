namespace AdaptiveMooc.Grains.Accounts;

/// <summary>
/// Section <c>Mooc:Mail</c>. The SMTP server is <c>Mooc:Smtp</c> (or the environment variable <c>MOOC_SMTP</c>):
/// <c>smtp://[user:password@]host:port</c> (STARTTLS when the server offers it) or <c>smtps://...</c> (TLS from
/// the first byte). Without one, mails wait in the outbox until a server is configured.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mooc:Mail";

    /// <summary>The From header.</summary>
    public string From { get; set; } = "AdaptiveMooc <no-reply@adaptive-mooc.local>";

    /// <summary>The right-hand side of every Message-Id (<c>&lt;{outbox id}@{domain}&gt;</c>).</summary>
    public string MessageIdDomain { get; set; } = "adaptive-mooc.local";

    /// <summary>The web app links in mails point at (verify, reset, preferences).</summary>
    public string WebBaseUrl { get; set; } = "http://127.0.0.1:5081";

    /// <summary>The API's public address, for the one-click unsubscribe header (RFC 8058).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How often an idle dispatcher looks for due mail.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed mail is kept from other dispatchers; after it, a crashed sender's mail is taken again.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a mail is given up (then marked abandoned, with its last error).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The SMTP address, from <c>Mooc:Smtp</c> or <c>MOOC_SMTP</c>; null: do not send.</summary>
    public Uri? Smtp { get; set; }
}
