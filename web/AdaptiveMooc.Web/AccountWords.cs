namespace AdaptiveMooc.Web;

/// <summary>Words for the mail categories of the account pages.</summary>
public static class AccountWords
{
    public static string Category(string category) => category switch
    {
        "reminders" => "study reminders and missed sessions from your plan",
        "certificates" => "certificates issued to you",
        "forum" => "replies to you in course forums",
        "webinars" => "webinars about to start",
        _ => category,
    };
}
