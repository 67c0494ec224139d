namespace AdaptiveMooc.Web;

/// <summary>Recommendation reason codes as sentences for the learner.</summary>
public static class Reasons
{
    public static string Sentence(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        var (name, argument) = colon < 0 ? (code, "") : (code[..colon], code[(colon + 1)..]);
        return name switch
        {
            "prerequisites-met" => "You have done everything it builds on.",
            "due-soon" => "It is due soon.",
            "review-due" => $"It is time to review {argument}: your grip on it fades without practice.",
            "weak-skill" => $"It practises {argument}, a skill you have not mastered yet.",
            "fits-next-window" => "It fits in your next study window.",
            "course-order" => "It comes next in the course.",
            "course-ranking" => "Learners like you found it useful at this point.",
            "popular" => "Many learners of this course take it at this point.",
            "cold-start" => "A good place to start while the platform learns how you study.",
            _ => $"Suggested by the model ({code}).",
        };
    }
}
