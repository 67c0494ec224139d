namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>
/// Kinds of mail a person can switch off one by one. <see cref="Account"/> (verification, reset) is always
/// sent: it answers something the person asked for.
/// </summary>
public static class MailCategories
{
    public const string Account = "account";
    public const string Reminders = "reminders";
    public const string Certificates = "certificates";
    public const string Forum = "forum";
    public const string Webinars = "webinars";

    /// <summary>The categories a person may switch off, in the order pages show them.</summary>
    public static IReadOnlyList<string> Optional { get; } = [Reminders, Certificates, Forum, Webinars];

    /// <summary>The category of a notification kind (<c>LearnerNotification.Kind</c>).</summary>
    public static string OfNotification(string kind) => kind switch
    {
        "certificate-issued" => Certificates,
        "forum-reply" => Forum,
        "webinar-starting" => Webinars,
        _ => Reminders,
    };
}
