# English texts of the problem codes the service bus pages show (service, consumer,
# grant and data element forms, the Dinas' decisions). `Lang::masalah` looks up
# `masalah-<code>` for English only; Bahasa Indonesia shows the domain's own message,
# which may name the value concerned — these texts cannot, so they say what to do.

## Codes, versions, names
masalah-kode-layanan = Use 2 to 64 lowercase letters, digits, - or _, starting with a letter.
masalah-versi-tidak-valid = Write the version as v followed by a number, e.g. v1 or v2.1.
masalah-nama-elemen = Element name: lowercase letters, digits and _, starting with a letter, at most 64.
masalah-tipe-tidak-dikenal = Unknown data type.
masalah-klasifikasi-tidak-dikenal = The classification must be biasa, terbatas or rahasia.
masalah-nama-nik-tidak-valid = A NIK field name may hold letters, digits, _, - and . only.
masalah-nama-nik-terlalu-banyak = At most 20 names.

## Upstream URL
masalah-url-skema = The upstream URL must start with http:// or https://.
masalah-url-tidak-valid = The upstream URL is not valid (spaces, host name or port).
masalah-url-kueri = The upstream URL may not contain a query (?) or a fragment (#).
masalah-url-kredensial = The upstream URL may not contain a user name or password.

## OpenAPI document
masalah-openapi-kosong = The OpenAPI document is empty.
masalah-openapi-versi = The openapi field must be 3.x (OpenAPI 3); Swagger 2 is not accepted.
masalah-openapi-info = The info.title field is required.
masalah-openapi-paths = The paths field (an object) is required.
masalah-openapi-path = Every path must start with / and be an object.
masalah-openapi-terlalu-besar = The OpenAPI document may be at most 2 MiB.
masalah-openapi-bukan-json = The OpenAPI document must be a JSON object (YAML is not supported yet).

## Reviews and grants
masalah-catatan-wajib = A rejection needs a note giving the reason.
masalah-status-tidak-sesuai = This cannot be done in the record's current status.
masalah-kedaluwarsa-lampau = The grant's end date has already passed.
masalah-kedaluwarsa-terlalu-jauh = A grant lasts at most 5 years; request an extension later.
masalah-jenis-kredensial = The credential type must be api_key or oauth.

## Already taken, unknown
masalah-layanan-sudah-ada = This PD has already registered a service with the same code and version.
masalah-konsumen-sudah-ada = This consumer code is already used; codes hold for the whole region.
masalah-elemen-sudah-ada = This element name is already defined.
masalah-tidak-dikenal = The chosen consumer or service is not known.
