namespace AdaptiveMooc.Grains.Abstractions.Statements;

/// <summary>The ADL verb IRIs the platform interprets.</summary>
public static class XapiVerbs
{
    public const string Prefix = "http://adlnet.gov/expapi/verbs/";
    public const string Launched = Prefix + "launched";
    public const string Experienced = Prefix + "experienced";
    public const string Progressed = Prefix + "progressed";
    public const string Completed = Prefix + "completed";
    public const string Passed = Prefix + "passed";
    public const string Failed = Prefix + "failed";
    public const string Answered = Prefix + "answered";
    public const string Attempted = Prefix + "attempted";
    public const string Attended = Prefix + "attended";
    public const string Commented = Prefix + "commented";
}
