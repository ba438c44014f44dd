/**
 * Exports to S3 and imports from S3, one class per action: ExportTableToPointInTime,
 * DescribeExport, ListExports, ImportTable, DescribeImport, ListImports. The jobs live in
 * {@link io.dynabox.engine.transfer.Transfers}; their files in {@link io.dynabox.engine.s3.Buckets}.
 */
package io.dynabox.engine.operation.transfer;
