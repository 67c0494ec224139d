namespace AdaptiveMooc.ML.Practice;

/// <summary>An item of a skill with its own guess and slip rates (KT-IDEM: item difficulty inside BKT).</summary>
/// <param name="Id">Item id.</param>
/// <param name="Guess">P(correct | skill not known) on this item.</param>
/// <param name="Slip">P(wrong | skill known) on this item.</param>
/// <param name="Learn">P(an unknown skill becomes known) after answering this item.</param>
/// <param name="Answers">Answers the rates were fitted on.</param>
public sealed record PracticeItem(string Id, double Guess, double Slip, double Learn, int Answers)
{
    public double PCorrect(double known) => (known * (1 - Slip)) + ((1 - known) * Guess);

    /// <summary>P(known) after an answer on this item, then one learning opportunity.</summary>
    public double Update(double known, bool correct)
    {
        var k = correct ? known * (1 - Slip) : known * Slip;
        var u = correct ? (1 - known) * Guess : (1 - known) * (1 - Guess);
        var posterior = k + u > 0 ? k / (k + u) : known;
        return posterior + ((1 - posterior) * Learn);
    }
}
