using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Papers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_papers_text_or_link",
                table: "paper");

            migrationBuilder.AddColumn<byte[]>(
                name: "content",
                table: "paper",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "content_type",
                table: "paper",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "file_name",
                table: "paper",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sha256",
                table: "paper",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "size",
                table: "paper",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "uploaded_at",
                table: "paper",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_papers_document",
                table: "paper",
                sql: "(content IS NULL) = (file_name IS NULL) AND (content IS NULL) = (content_type IS NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_papers_text_or_link",
                table: "paper",
                sql: "url IS NOT NULL OR text IS NOT NULL OR content IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_papers_document",
                table: "paper");

            migrationBuilder.DropCheckConstraint(
                name: "ck_papers_text_or_link",
                table: "paper");

            migrationBuilder.DropColumn(
                name: "content",
                table: "paper");

            migrationBuilder.DropColumn(
                name: "content_type",
                table: "paper");

            migrationBuilder.DropColumn(
                name: "file_name",
                table: "paper");

            migrationBuilder.DropColumn(
                name: "sha256",
                table: "paper");

            migrationBuilder.DropColumn(
                name: "size",
                table: "paper");

            migrationBuilder.DropColumn(
                name: "uploaded_at",
                table: "paper");

            migrationBuilder.AddCheckConstraint(
                name: "ck_papers_text_or_link",
                table: "paper",
                sql: "url IS NOT NULL OR text IS NOT NULL");
        }
    }
}
