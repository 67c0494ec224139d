namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// The same figures computed directly from the OULAD files: registrations, unregistrations
/// (date_unregistration given), final results. OULAD "completion" is a Pass or Distinction result.
/// </summary>
internal sealed record OuladFigures(int Registrations, int Unregistered, int FinalWithdrawn, int Pass, int Distinction, int Fail)
{
    public int StillRegistered => Registrations - Unregistered;

    public int Completed => Pass + Distinction;

    public double CompletionRate => Registrations == 0 ? 0 : (double)Completed / Registrations;

    public static OuladFigures From(ImportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var r = plan.Learners.Select(l => l.Registration).ToList();
        return new OuladFigures(
            r.Count, r.Count(x => x.UnregistrationDay is not null), r.Count(x => x.FinalResult == "Withdrawn"),
            r.Count(x => x.FinalResult == "Pass"), r.Count(x => x.FinalResult == "Distinction"), r.Count(x => x.FinalResult == "Fail"));
    }
}
