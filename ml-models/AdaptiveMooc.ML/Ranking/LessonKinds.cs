namespace AdaptiveMooc.ML.Ranking;

/// <summary>
/// The coarse kind categories the ranking model sees, shared by OULAD activity types and the
/// platform's lesson kinds so a model trained on one serves the other.
/// </summary>
public static class LessonKinds
{
    /// <summary>Category names in feature order.</summary>
    public static readonly IReadOnlyList<string> Categories =
        ["homepage", "forum", "content", "resource", "subpage", "url", "quiz", "wiki", "glossary", "live", "other"];

    /// <summary>Category index of an OULAD activity type or a platform lesson kind.</summary>
    public static int CategoryOf(string? kind) => kind?.ToLowerInvariant() switch
    {
        "homepage" => 0,
        "forumng" or "forum" => 1,
        // Platform lessons that carry teaching content play the role of OULAD's structured content pages.
        "oucontent" or "video" or "lecture" or "tutorial" => 2,
        "resource" or "reading" or "page" or "folder" or "dualpane" => 3,
        "subpage" or "sharedsubpage" => 4,
        "url" => 5,
        "quiz" or "externalquiz" or "questionnaire" or "assignment" => 6,
        "ouwiki" or "dataplus" => 7,
        "glossary" => 8,
        "oucollaborate" or "ouelluminate" or "webinar" => 9,
        _ => 10,
    };
}
