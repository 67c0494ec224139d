namespace AdaptiveMooc.Web.Session;

/// <summary>Claims of the web's own auth cookie: who, which kind of account, and the server-side session id.</summary>
public static class WebClaims
{
    public const string SessionId = "mooc-web:sid";
    public const string Subject = "sub";
    public const string Learner = "learner";
    public const string Trainer = "trainer";
    public const string Admin = "admin";
}
