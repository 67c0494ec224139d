using System.Globalization;
using AdaptiveMooc.Web.Api;

namespace AdaptiveMooc.Web;

/// <summary>One choice as the bank editor edits it.</summary>
public sealed class ChoiceDraft
{
    public string Text { get; set; } = "";

    public bool Correct { get; set; }
}

/// <summary>A bank item as the trainer's form holds it: text fields, turned into the API's body on save.</summary>
public sealed class QuestionDraft
{
    public string Id { get; set; } = "";

    public string Kind { get; set; } = Quiz.SingleChoice;

    public string Prompt { get; set; } = "";

    /// <summary>Comma-separated.</summary>
    public string Skills { get; set; } = "";

    public List<ChoiceDraft> Choices { get; } = [new(), new()];

    public string Answer { get; set; } = "";

    public string Tolerance { get; set; } = "";

    /// <summary>One accepted answer per line.</summary>
    public string AcceptedAnswers { get; set; } = "";

    public string Pattern { get; set; } = "";

    public bool CaseSensitive { get; set; }

    public string FeedbackCorrect { get; set; } = "";

    public string FeedbackIncorrect { get; set; } = "";

    public string Explanation { get; set; } = "";

    public bool IsChoice => Kind is Quiz.SingleChoice or Quiz.MultipleResponse;

    /// <summary>Choice ids are given by position (a, b, c, ...) so the trainer writes only texts.</summary>
    public static string ChoiceId(int index) => index < 26
        ? ((char)('a' + index)).ToString()
        : "c" + index.ToString(CultureInfo.InvariantCulture);

    public static QuestionDraft From(BankItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var draft = new QuestionDraft
        {
            Id = item.Id,
            Kind = item.Kind,
            Prompt = item.Prompt,
            Skills = string.Join(", ", item.Skills),
            Answer = item.Answer?.ToString(CultureInfo.InvariantCulture) ?? "",
            Tolerance = item.Tolerance?.ToString(CultureInfo.InvariantCulture) ?? "",
            AcceptedAnswers = string.Join('\n', item.AcceptedAnswers ?? []),
            Pattern = item.Pattern ?? "",
            CaseSensitive = item.CaseSensitive,
            FeedbackCorrect = item.FeedbackCorrect ?? "",
            FeedbackIncorrect = item.FeedbackIncorrect ?? "",
            Explanation = item.Explanation ?? "",
        };
        draft.Choices.Clear();
        foreach (var choice in item.Choices ?? [])
        {
            draft.Choices.Add(new ChoiceDraft { Text = choice.Text, Correct = item.CorrectChoiceIds?.Contains(choice.Id) == true });
        }

        return draft;
    }

    /// <summary>The API body. Fields that do not parse are sent as they are wrong (null), so the API names them.</summary>
    public BankItem ToItem()
    {
        var choices = IsChoice ? Choices.Select((c, i) => new Choice(ChoiceId(i), c.Text)).ToList() : null;
        var correct = IsChoice ? Choices.Select((c, i) => (c, i)).Where(x => x.c.Correct).Select(x => ChoiceId(x.i)).ToList() : null;
        var accepted = AcceptedAnswers.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new BankItem(
            Id.Trim(), Kind, Prompt, [.. Skills.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            choices, correct,
            Kind == Quiz.Numeric ? Number(Answer) : null,
            Kind == Quiz.Numeric && !string.IsNullOrWhiteSpace(Tolerance) ? Number(Tolerance) ?? -1 : null,
            Kind == Quiz.ShortAnswer && accepted.Length > 0 ? accepted : null,
            Kind == Quiz.ShortAnswer && !string.IsNullOrWhiteSpace(Pattern) ? Pattern.Trim() : null,
            CaseSensitive,
            Blank(FeedbackCorrect), Blank(FeedbackIncorrect), Blank(Explanation));
    }

    private static double? Number(string text) =>
        double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
