using System.Globalization;
using AdaptiveMooc.Web.Api;

namespace AdaptiveMooc.Web;

/// <summary>Minutes as hours for people.</summary>
public static class Durations
{
    public static string Hours(int minutes) =>
        minutes < 60 ? $"{minutes} min" : string.Create(CultureInfo.InvariantCulture, $"{minutes / 60.0:0.#} h");
}

/// <summary>Prices in words.</summary>
public static class Prices
{
    public static string Describe(Pricing? pricing) => pricing switch
    {
        null or { Kind: "free" } => "Free",
        { Price: { } price, Currency: { } currency } => string.Create(CultureInfo.InvariantCulture, $"{price:0.00} {currency}"),
        _ => "Paid",
    };
}

/// <summary>What a certificate needs, in words.</summary>
public static class Certificates
{
    public static string Rule(CertificateRule? rule) => rule switch
    {
        null => "No certificate",
        { PassThreshold: { } threshold } => string.Create(
            CultureInfo.InvariantCulture,
            $"{KindName(rule.Kind)}: complete every required lesson with a mean score of {threshold:P0} or more"),
        _ => $"{KindName(rule.Kind)}: complete every required lesson",
    };

    public static string KindName(string kind) => kind switch
    {
        "statement" => "Statement of participation",
        "certificate" => "Certificate",
        "diploma" => "Diploma",
        _ => kind,
    };

    /// <summary>The verification status of <c>GET /api/certificates/{id}</c> in words.</summary>
    public static string Status(string status) => status switch
    {
        "valid" => "Valid: the signature verifies with the platform's published key and the certificate has not been revoked.",
        "revoked" => "Revoked: the certificate was genuine but has been withdrawn by the course's trainers.",
        "invalid-signature" => "Invalid signature: this certificate does not verify with the platform's published key. Do not trust it.",
        _ => $"Unknown status '{status}'.",
    };
}

/// <summary>Language codes as names.</summary>
public static class Languages
{
    public static string Name(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "any language";
        }

        try
        {
            return CultureInfo.GetCultureInfo(code).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}

/// <summary>Lesson kinds in words.</summary>
public static class LessonKinds
{
    public static readonly IReadOnlyList<string> All = ["video", "tutorial", "reading", "lecture", "webinar", "quiz", "assignment", "cmi5"];

    public static string Name(string kind) => kind switch
    {
        "video" => "Video",
        "tutorial" => "Tutorial",
        "reading" => "Reading",
        "lecture" => "Lecture",
        "webinar" => "Webinar",
        "quiz" => "Quiz",
        "assignment" => "Assignment",
        "cmi5" => "cmi5 package",
        _ => kind,
    };

    /// <summary>Graded kinds are completed by the activity provider that grades them, and cmi5 lessons by their AUs' moveOn, not by the learner's own click.</summary>
    public static bool LearnerMayComplete(string kind) => kind is not ("quiz" or "assignment" or "cmi5");
}
