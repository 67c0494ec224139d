using AdaptiveMooc.ML.Oulad;
using AdaptiveMooc.Tools.Import;

namespace AdaptiveMooc.Tools.Tests;

/// <summary>
/// A hand-written OULAD folder with one presentation (ZZZ-2013J, 60 days), five registered students and
/// one stray: every case the importer must handle has a row (same-day click rows to merge, a click before
/// day 0, a banked result, a blank registration date, an unscored submission, a registration after the
/// cut-off, withdrawals before and after it, an undated exam nobody sat).
/// </summary>
internal sealed class OuladFolder : IDisposable
{
    public const string Presentation = "ZZZ-2013J";
    public const string CourseId = "oulad-zzz-2013j";

    private OuladFolder(string directory) => Directory = directory;

    public string Directory { get; }

    public static async Task<OuladFolder> CreateAsync()
    {
        var folder = new OuladFolder(System.IO.Directory.CreateTempSubdirectory("oulad-import-").FullName);
        folder.Write("courses.csv", """
            code_module,code_presentation,module_presentation_length
            ZZZ,2013J,60
            ZZZ,2013B,50
            """);
        folder.Write("assessments.csv", """
            code_module,code_presentation,id_assessment,assessment_type,date,weight
            ZZZ,2013J,501,TMA,20,50
            ZZZ,2013J,502,CMA,40,50
            ZZZ,2013J,503,Exam,,100
            ZZZ,2013B,601,TMA,20,100
            """);
        folder.Write("vle.csv", """
            id_site,code_module,code_presentation,activity_type,week_from,week_to
            9001,ZZZ,2013J,oucontent,,
            9002,ZZZ,2013J,quiz,1,1
            9003,ZZZ,2013J,forumng,,
            9101,ZZZ,2013B,resource,,
            """);
        folder.Write("studentInfo.csv", """
            code_module,code_presentation,id_student,gender,region,highest_education,imd_band,age_band,num_of_prev_attempts,studied_credits,disability,final_result
            ZZZ,2013J,1,M,"East, Anglian Region",HE Qualification,90-100%,55<=,0,60,N,Pass
            ZZZ,2013J,2,F,Scotland,A Level or Equivalent,,35-55,0,60,N,Withdrawn
            ZZZ,2013J,3,F,Wales,Lower Than A Level,10-20,0-35,1,120,Y,Fail
            ZZZ,2013J,4,M,Wales,Lower Than A Level,20-30%,0-35,0,60,N,Pass
            ZZZ,2013J,5,F,London Region,HE Qualification,50-60%,35-55,0,60,N,Withdrawn
            ZZZ,2013B,3,F,Wales,Lower Than A Level,10-20,0-35,0,120,Y,Fail
            """);
        folder.Write("studentRegistration.csv", """
            code_module,code_presentation,id_student,date_registration,date_unregistration
            ZZZ,2013J,1,-10,
            ZZZ,2013J,2,-5,10
            ZZZ,2013J,3,,
            ZZZ,2013J,4,35,
            ZZZ,2013J,5,-20,40
            ZZZ,2013B,3,-3,
            """);
        folder.Write("studentAssessment.csv", """
            id_assessment,id_student,date_submitted,is_banked,score
            501,1,19,0,80
            502,1,39,0,70
            501,3,21,0,30
            502,3,-1,1,90
            502,4,40,0,60
            501,4,45,0,
            601,3,18,0,20
            """);
        await OuladSubset.WriteClicksAsync(folder.Directory, "ZZZ", "2013J",
        [
            new OuladClick(1, 9001, -2, 2), new OuladClick(1, 9001, -2, 3), new OuladClick(1, 9002, 5, 4), new OuladClick(1, 9003, 30, 70),
            new OuladClick(2, 9001, 1, 1), new OuladClick(2, 9001, 3, 2),
            new OuladClick(3, 9001, 2, 5),
            new OuladClick(4, 9002, 36, 3),
            new OuladClick(5, 9001, 0, 6), new OuladClick(5, 9003, 29, 1),
            new OuladClick(77, 9001, 4, 9),
        ], CancellationToken.None);
        return folder;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private void Write(string name, string text) =>
        File.WriteAllText(Path.Combine(Directory, name), text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
}
