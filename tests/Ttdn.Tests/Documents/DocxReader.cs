using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Ttdn.Tests.Documents;

/// <summary>Reads a rendered DOCX back the way a reader (or an importer) sees it: paragraphs of text, in order.</summary>
internal sealed class DocxReader : IDisposable
{
    private readonly MemoryStream _stream;
    public WordprocessingDocument Package { get; }
    public Body Body => Package.MainDocumentPart!.Document.Body!;

    public DocxReader(byte[] docx)
    {
        _stream = new MemoryStream(docx);
        Package = WordprocessingDocument.Open(_stream, false);
    }

    /// <summary>Text of every paragraph of the body (tables included), empty ones left out.</summary>
    public List<string> Lines() => [.. Body.Descendants<Paragraph>().Select(Text).Where(t => t.Length > 0)];

    /// <summary>Body paragraphs outside tables.</summary>
    public List<Paragraph> BodyParagraphs() => [.. Body.Elements<Paragraph>().Where(p => Text(p).Length > 0)];

    public List<Table> Tables() => [.. Body.Elements<Table>()];

    public static List<string> CellLines(TableCell cell) => [.. cell.Elements<Paragraph>().Select(Text).Where(t => t.Length > 0)];

    public static string Text(Paragraph p) => string.Concat(p.Descendants<Text>().Select(t => t.Text));

    public Paragraph Find(string text) => Body.Descendants<Paragraph>().First(p => Text(p) == text);

    public List<string> ValidationErrors() =>
        [.. new OpenXmlValidator().Validate(Package).Select(e => $"{e.Path?.XPath}: {e.Description}")];

    public void Dispose()
    {
        Package.Dispose();
        _stream.Dispose();
    }
}
