namespace AdaptiveMooc.Web.Tests.Components;

/// <summary>Codes become sentences for people.</summary>
public sealed class WordsTests
{
    [Theory]
    [InlineData("prerequisites-met", "You have done everything it builds on.")]
    [InlineData("weak-skill:npv", "It practises npv, a skill you have not mastered yet.")]
    [InlineData("review-due:tma", "It is time to review tma: your grip on it fades without practice.")]
    [InlineData("something-new", "Suggested by the model (something-new).")]
    public void Reason_codes_read_as_sentences(string code, string sentence) => Assert.Equal(sentence, Reasons.Sentence(code));

    [Theory]
    [InlineData("valid", "Valid")]
    [InlineData("revoked", "Revoked")]
    [InlineData("invalid-signature", "Invalid signature")]
    public void Certificate_statuses_read_as_words(string status, string start) =>
        Assert.StartsWith(start, Certificates.Status(status), StringComparison.Ordinal);

    [Theory]
    [InlineData("/learn/c1", "/learn/c1")]
    [InlineData("//evil.example.org", "/home")]
    [InlineData("/\\evil.example.org", "/home")]
    [InlineData("https://evil.example.org", "/home")]
    [InlineData(null, "/home")]
    public void Sign_in_returns_only_to_local_paths(string? returnUrl, string expected) =>
        Assert.Equal(expected, AdaptiveMooc.Web.Components.Pages.SignIn.SafeReturn(returnUrl, "/home"));
}
