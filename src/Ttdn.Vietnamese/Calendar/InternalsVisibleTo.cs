using System.Runtime.CompilerServices;

// The calendar tests check the astronomical engine itself at UTC+8 against .NET's ChineseLunisolarCalendar.
[assembly: InternalsVisibleTo("Ttdn.Vietnamese.Tests")]
