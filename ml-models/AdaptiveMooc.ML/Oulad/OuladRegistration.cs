namespace AdaptiveMooc.ML.Oulad;

/// <summary>A registration (studentRegistration.csv joined with studentInfo.csv).</summary>
/// <param name="RegistrationDay">date_registration, null when blank.</param>
/// <param name="UnregistrationDay">date_unregistration, null when the student never unregistered.</param>
/// <param name="FinalResult">Pass, Fail, Withdrawn or Distinction (empty when studentInfo has no row).</param>
public sealed record OuladRegistration(
    int StudentId,
    string Module,
    string Presentation,
    int? RegistrationDay,
    int? UnregistrationDay,
    string FinalResult,
    int PreviousAttempts,
    int StudiedCredits)
{
    public string LearnerId => StudentId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool Withdrawn => FinalResult == "Withdrawn";

    public bool AtRisk => FinalResult is "Withdrawn" or "Fail";

    /// <summary>Still registered at the start of <paramref name="day"/> (no unregistration before it).</summary>
    public bool RegisteredAt(int day) => UnregistrationDay is not { } u || u >= day;

    /// <summary>
    /// The study load as the platform asks it at enrolment (hours a week of all current study): OU credits
    /// are 10 notional study hours each, spread over the presentation's weeks, capped at what a learner
    /// can declare (a few OULAD students hold several hundred credits at once); null without credits.
    /// </summary>
    public double? WeeklyStudyHours(int presentationLengthDays) =>
        StudiedCredits > 0 && presentationLengthDays > 0
            ? Math.Min(Risk.EngagementState.MaxWeeklyStudyHours, Math.Round(StudiedCredits * 10.0 / (presentationLengthDays / 7.0), 1))
            : null;
}
